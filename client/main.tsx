/** @module Browser entry: the global styles, the remembered theme, then <App /> into #root. */
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import './ui/theme.css'
import './ui/ui.css'
import './ui/controls.css'
import { App, loadWorkspacePage } from './app/App.tsx'
import { startEarly } from './app/startEarly.ts'
import { applyStoredTheme } from './app/theme.ts'

// Before the first render, so a dark-theme user never sees a light flash.
applyStoredTheme()
// A workspace link's code and its check with the server start now, not after the first render.
startEarly(loadWorkspacePage)

const container = document.getElementById('root')
if (!container) throw new Error('index.html has no #root element to mount Roundtable into')

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
