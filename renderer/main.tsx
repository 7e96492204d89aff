import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './components/App.js'
import './styles/base.css'
import './styles/layout.css'
import './styles/tree.css'
import './styles/grid.css'
import './styles/overlays.css'

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
