/** @module Composition root of the client; a placeholder until the board arrives. */
import type { CSSProperties } from 'react'

const page: CSSProperties = {
  maxWidth: '36rem',
  margin: '15vh auto 0',
  padding: '0 1.5rem',
}

const muted: CSSProperties = { opacity: 0.7 }

export function App() {
  return (
    <main style={page}>
      <h1>Roundtable</h1>
      <p>The board arrives with the client issue.</p>
      <p style={muted}>
        Roundtable is a real-time collaborative OKR kanban: a team drafts objectives and key results
        together, drags tasks under them, checks in progress weekly and sees at once which key
        results have stalled. The server is running; this page is a placeholder.
      </p>
    </main>
  )
}
