// Vite's types for `import './x.css'` and other assets; harmless if the shell declares them too.
/// <reference types="vite/client" />
