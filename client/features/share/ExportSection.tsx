/**
 * @module Export from the app: the workspace as JSON (re-importable), a Markdown one-pager, or CSV
 * for spreadsheets, fetched with this browser's token as a bearer and saved as a file.
 */
import { useState } from 'react'
import { ExportFormat, fetchExport, saveFile, storedToken } from '../../app/index.ts'
import { useWorkspace } from '../../hooks/useWorkspace.ts'
import { Button } from '../../ui/Button.tsx'
import './share.css'

const CHOICES: ReadonlyArray<{ format: ExportFormat; label: string; hint: string }> = [
  { format: ExportFormat.Json, label: 'JSON', hint: 'everything, to import again' },
  { format: ExportFormat.Markdown, label: 'Markdown', hint: 'a one-pager of the OKRs' },
  { format: ExportFormat.Csv, label: 'CSV', hint: 'key results and tasks, for spreadsheets' },
]

export function ExportSection() {
  const { workspaceId } = useWorkspace()
  const [busy, setBusy] = useState<ExportFormat | null>(null)
  const [error, setError] = useState<string | null>(null)
  const download = async (format: ExportFormat) => {
    setBusy(format)
    setError(null)
    try {
      const { blob, filename } = await fetchExport(workspaceId, storedToken(workspaceId) ?? '', format)
      saveFile(blob, filename)
    } catch (e) {
      setError(e instanceof Error ? `Could not export: ${e.message}` : 'Could not export.')
    } finally {
      setBusy(null)
    }
  }
  return (
    <section className="export-section" aria-labelledby="export-title">
      <h3 id="export-title">Export</h3>
      <div className="export-section__choices">
        {CHOICES.map(({ format, label, hint }) => (
          <Button key={format} size="sm" disabled={busy !== null} title={hint} onClick={() => void download(format)}>
            {busy === format ? `${label}…` : label}
          </Button>
        ))}
      </div>
      <p className="shell-muted">JSON keeps everything and can be imported again; CSV has one row per key result and per task.</p>
      {error && <p role="alert" className="shell-error">{error}</p>}
    </section>
  )
}
