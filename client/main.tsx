import './app/configureZod.ts'
import './app/global.css'
import './ui/ui.css'
import './ui/forms.css'
import './app/pages.css'
import './session/session.css'
import './worksheets/worksheets.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App.tsx'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
