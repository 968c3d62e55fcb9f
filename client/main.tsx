/** @module Browser entry: the global styles, the remembered theme, then <App /> into #root. */
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import './ui/theme.css'
import './ui/ui.css'
import './ui/controls.css'
import { App } from './app/App.tsx'
import { applyStoredTheme } from './app/theme.ts'

// Before the first render, so a dark-theme user never sees a light flash.
applyStoredTheme()

const container = document.getElementById('root')
if (!container) throw new Error('index.html has no #root element to mount Roundtable into')

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
