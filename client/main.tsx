/** @module Browser entry: mounts <App /> into #root. */
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App.tsx'

const container = document.getElementById('root')
if (!container) throw new Error('index.html has no #root element to mount Roundtable into')

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
