// Vite's types for `import './x.css'` and `import.meta.env` in the client.
/// <reference types="vite/client" />
