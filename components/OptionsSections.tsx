import { useId, useState, type FormEvent } from 'react';
import type { OptionsView, Settings, WatchEntry } from '@/lib/views';
import { displayUrl, errorMessage, formatDateTime, formatDate, humanBytes, plural, safeHttpUrl } from './format';

/** A URL that wraps after its slashes, not in the middle of a word (text nodes only, never markup). */
function BreakableUrl({ text }: { text: string }) {
  const parts = text.split(/(?<=\/)/);
  return (
    <>
      {parts.map((part, i) => (
        <span key={i}>
          {part}
          {i < parts.length - 1 && <wbr />}
        </span>
      ))}
    </>
  );
}

export const FREQUENCIES: { hours: number; label: string }[] = [
  { hours: 12, label: 'Every 12 hours' },
  { hours: 24, label: 'Daily' },
  { hours: 72, label: 'Every 3 days' },
  { hours: 168, label: 'Weekly' },
  { hours: 336, label: 'Every 2 weeks' },
  { hours: 720, label: 'Monthly' },
];

function StatusCell({ watch, onWatchInstead }: { watch: WatchEntry; onWatchInstead: (site: string, url: string) => void }) {
  switch (watch.status) {
    case 'up-to-date':
      return <>Up to date</>;
    case 'changed':
      return <strong>Changed</strong>;
    case 'pending':
      return <span className="muted">Not checked yet</span>;
    case 'failed':
      return (
        <span className="status-failed">
          <strong>Failed</strong>
          {watch.failure ? `: ${watch.failure}` : ''}
          {watch.failures > 1 ? ` (${watch.failures} attempts in a row)` : ''}
          {watch.movedTo && (
            <>
              {' '}
              <button type="button" onClick={() => onWatchInstead(watch.site, watch.movedTo!)}>
                Watch {displayUrl(watch.movedTo)} instead
              </button>
            </>
          )}
        </span>
      );
  }
}

export function WatchTable({
  watches,
  busySite,
  onCheckNow,
  onRemove,
  onFrequency,
  onWatchInstead,
}: {
  watches: readonly WatchEntry[];
  busySite: string | null;
  onCheckNow: (site: string) => void;
  onRemove: (site: string) => void;
  onFrequency: (site: string, hours: number) => void;
  /** The user confirms the address a check found the policy moved to. */
  onWatchInstead: (site: string, url: string) => void;
}) {
  if (watches.length === 0) {
    return <p className="muted">No watched sites yet. Add one below, or open a site’s privacy policy page.</p>;
  }
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">Watched sites</caption>
        <thead>
          <tr>
            <th scope="col">Site</th>
            <th scope="col">Policy</th>
            <th scope="col">Last check</th>
            <th scope="col">Last change</th>
            <th scope="col">Status</th>
            <th scope="col">Frequency</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {watches.map((w) => {
            const href = safeHttpUrl(w.policyUrl);
            const options = FREQUENCIES.some((f) => f.hours === w.frequencyHours)
              ? FREQUENCIES
              : [...FREQUENCIES, { hours: w.frequencyHours, label: `Every ${w.frequencyHours} hours` }];
            return (
              <tr key={w.site}>
                <th scope="row">{w.site}</th>
                <td className="policy-cell">
                  {href ? (
                    <a href={href} target="_blank" rel="noreferrer noopener">
                      <BreakableUrl text={displayUrl(w.policyUrl)} />
                    </a>
                  ) : (
                    <BreakableUrl text={displayUrl(w.policyUrl)} />
                  )}
                </td>
                <td className="nowrap">{w.lastCheck ? formatDateTime(w.lastCheck) : 'Never'}</td>
                <td className="nowrap">{w.lastChange ? formatDate(w.lastChange) : 'None seen'}</td>
                <td className="status-cell">
                  <StatusCell watch={w} onWatchInstead={onWatchInstead} />
                </td>
                <td>
                  <select
                    aria-label={`Check frequency for ${w.site}`}
                    value={w.frequencyHours}
                    onChange={(e) => onFrequency(w.site, Number(e.target.value))}
                  >
                    {options.map((f) => (
                      <option key={f.hours} value={f.hours}>
                        {f.label}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <div className="actions nowrap">
                    <button
                      type="button"
                      aria-label={`Check now: ${w.site}`}
                      disabled={busySite === w.site}
                      onClick={() => onCheckNow(w.site)}
                    >
                      {busySite === w.site ? 'Checking…' : 'Check now'}
                    </button>
                    <button type="button" aria-label={`Remove ${w.site}`} onClick={() => onRemove(w.site)}>
                      Remove
                    </button>
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export interface Candidates {
  site: string;
  candidates: { url: string; why: string }[];
}

/** Domain or URL → the policy pages found on the site → the reader picks one → watch it. */
export function AddSiteForm({
  onDiscover,
  onConfirm,
}: {
  onDiscover: (input: string) => Promise<Candidates>;
  /** Resolves to the message to show. */
  onConfirm: (policyUrl: string) => Promise<string>;
}) {
  const inputId = useId();
  const radioName = useId();
  const [input, setInput] = useState('');
  const [found, setFound] = useState<Candidates | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');

  const discover = async (e: FormEvent) => {
    e.preventDefault();
    if (!input.trim()) return;
    setBusy(true);
    setFound(null);
    setMessage('Looking for the privacy policy…');
    try {
      const result = await onDiscover(input.trim());
      setFound(result);
      setChosen(result.candidates[0]?.url ?? null);
      setMessage(
        result.candidates.length === 0
          ? `No privacy policy found on ${result.site}. Enter the policy page’s address instead.`
          : `Found ${plural(result.candidates.length, 'possible policy page')} on ${result.site}.`,
      );
    } catch (err) {
      setMessage(`Could not look up that site: ${errorMessage(err)}`);
    } finally {
      setBusy(false);
    }
  };

  const confirm = async (e: FormEvent) => {
    e.preventDefault();
    if (!chosen) return;
    setBusy(true);
    try {
      setMessage(await onConfirm(chosen));
      setFound(null);
      setInput('');
    } catch (err) {
      setMessage(`Could not watch it: ${errorMessage(err)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <form onSubmit={(e) => void discover(e)}>
        <label htmlFor={inputId}>Site or policy address</label>
        <div className="form-row">
          <input
            id={inputId}
            type="text"
            inputMode="url"
            placeholder="example.com or https://example.com/privacy"
            value={input}
            onChange={(e) => setInput(e.target.value)}
            autoComplete="off"
            spellCheck={false}
          />
          <button type="submit" className="primary" disabled={busy || !input.trim()}>
            Find policy
          </button>
        </div>
      </form>
      {found && found.candidates.length > 0 && (
        <form onSubmit={(e) => void confirm(e)}>
          <fieldset className="candidates">
            <legend>Which page is {found.site}’s privacy policy?</legend>
            {found.candidates.map((c) => {
              const id = `${radioName}-${c.url}`;
              return (
                <div className="candidate" key={c.url}>
                  <input
                    type="radio"
                    id={id}
                    name={radioName}
                    value={c.url}
                    checked={chosen === c.url}
                    onChange={() => setChosen(c.url)}
                    aria-describedby={`${id}-why`}
                  />
                  <label htmlFor={id}>{c.url}</label>
                  <span className="why" id={`${id}-why`}>
                    {c.why}
                  </span>
                </div>
              );
            })}
          </fieldset>
          <button type="submit" className="primary" disabled={busy || !chosen}>
            Confirm and watch
          </button>
        </form>
      )}
      <p className="status-line" role="status" aria-live="polite">
        {message}
      </p>
    </div>
  );
}

export function SettingsForm({
  settings,
  disabled,
  onChange,
}: {
  settings: Settings;
  disabled: boolean;
  onChange: (patch: Partial<Settings>) => void;
}) {
  const id = useId();
  const rows: { key: keyof Settings; label: string; hint: string }[] = [
    { key: 'paused', label: 'Pause all checks', hint: 'No background checks run until you turn this off.' },
    {
      key: 'autoWatchVisited',
      label: 'Watch policies I visit',
      hint: 'A privacy policy you open joins the watched sites at once. When this is off, it joins the first time you open Clausewatch on its site.',
    },
    {
      key: 'notifications',
      label: 'Notify me with a system notification',
      hint: 'When a background check finds a major change. Your browser asks for permission first.',
    },
  ];
  return (
    <div>
      {rows.map((r) => (
        <div className="checkbox-row" key={r.key}>
          <input
            type="checkbox"
            id={`${id}-${r.key}`}
            checked={settings[r.key]}
            disabled={disabled}
            aria-describedby={`${id}-${r.key}-hint`}
            onChange={(e) => onChange({ [r.key]: e.target.checked })}
          />
          <div>
            <label htmlFor={`${id}-${r.key}`}>{r.label}</label>
            <div className="muted small" id={`${id}-${r.key}-hint`}>
              {r.hint}
            </div>
          </div>
        </div>
      ))}
    </div>
  );
}

export function HistoryTransfer({
  onExport,
  onImport,
  onExportEvidence,
  message,
  busy,
}: {
  onExport: () => void;
  onImport: (file: File) => void;
  /** The evidence file (WARC) of every site. */
  onExportEvidence: () => void;
  message: string;
  busy: boolean;
}) {
  const fileId = useId();
  return (
    <div>
      <p className="muted small">
        The export is a JSON file with every version Clausewatch kept. Importing one adds its versions to yours.
      </p>
      <div className="actions">
        <button type="button" onClick={onExport} disabled={busy}>
          Export history
        </button>
        <input
          id={fileId}
          type="file"
          accept="application/json,.json"
          className="visually-hidden file-input"
          disabled={busy}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) onImport(file);
          }}
        />
        <label htmlFor={fileId} className="button">
          Import history
        </label>
      </div>
      <p className="muted small">
        The evidence file (WARC 1.1, the web archive format) holds every saved page as it was captured, the text
        Clausewatch read from each, and a hash chain per policy that shows nothing was changed afterwards. Anyone can
        check it with <code>clausewatch verify</code> or read it with web archive tools.
      </p>
      <div className="actions">
        <button type="button" onClick={onExportEvidence} disabled={busy}>
          Export evidence (WARC)
        </button>
      </div>
      <p className="status-line" role="status" aria-live="polite">
        {message}
      </p>
    </div>
  );
}

export function StorageInfo({ view }: { view: Pick<OptionsView, 'usage' | 'quarantined' | 'extraction'> }) {
  const { usage, extraction } = view;
  const raw = usage.raw;
  return (
    <div>
      <p>
        {humanBytes(usage.bytes)} used: {plural(usage.versions, 'version')} of {plural(usage.policies, 'policy', 'policies')}{' '}
        on {plural(usage.sites, 'site')}.
      </p>
      <p className="raw-kept">
        Saved pages: {plural(raw.captures, 'page')} kept ({humanBytes(raw.bytes)} compressed, {humanBytes(raw.pageBytes)} as
        captured); {raw.versionsWithRaw} of the {plural(usage.versions, 'version')} have the page they were read from.
      </p>
      <p className="muted small">
        Clausewatch keeps the page each version was read from, so you can show what the policy said, not only what
        Clausewatch made of it. When storage runs out, saved pages are removed first, oldest first, always keeping the
        first and the latest of each policy; versions go only after that. Versions seen before Clausewatch kept pages
        have none.
      </p>
      <p className="muted small reextraction">
        {extraction.pending > 0
          ? `Clausewatch reads text from pages differently since this update (extractor ${extraction.extractorVersion}): ${plural(extraction.pending, 'saved page')} still to be read again. A text that comes out different replaces the old one; it is never reported as a change.`
          : extraction.changedText + extraction.sameText + extraction.failed > 0
            ? `Saved pages read again by extractor ${extraction.extractorVersion}: ${extraction.changedText} gave a different text (now stored), ${extraction.sameText} the same text${extraction.failed > 0 ? `, ${extraction.failed} could not be read (their text is kept)` : ''}. None was reported as a change.`
            : `Text is read from pages by extractor ${extraction.extractorVersion}.`}
      </p>
      {view.quarantined > 0 && (
        <p className="info">
          {plural(view.quarantined, 'stored record')} could not be read and {view.quarantined === 1 ? 'was' : 'were'} set
          aside. {view.quarantined === 1 ? 'It is' : 'They are'} kept, but not shown or compared, so one damaged
          record cannot break your history.
        </p>
      )}
    </div>
  );
}
