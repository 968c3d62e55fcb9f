/** @module The brief moment before a workspace opens: a quiet line, announced politely. */
import '../ui/pages.css'

export function LoadingPage({ label }: { label: string }) {
  return (
    <main className="centered-page">
      <p className="shell-loading" role="status">
        {label}
      </p>
    </main>
  )
}
