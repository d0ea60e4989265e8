import type { Why } from '@/lib/core/page/discover';
import { useId, useRef, useState, type FormEvent } from 'react';
import type { OptionsView, Settings, WatchEntry } from '@/lib/extension/views';
import { displayUrl, errorMessage, readableUrl, safeHttpUrl } from './format';
import { useWords } from './words';
import { BreakableUrl } from './BreakableUrl';

/** The check frequencies offered, in hours (their names are the reader's language's). */
export const FREQUENCIES: readonly number[] = [12, 24, 72, 168, 336, 720];

function StatusCell({ watch, onWatchInstead }: { watch: WatchEntry; onWatchInstead: (site: string, url: string) => void }) {
  const { ui } = useWords();
  const w = ui.options;
  switch (watch.status) {
    case 'up-to-date':
      return <>{w.status.upToDate}</>;
    case 'changed':
      return <strong>{w.status.changed}</strong>;
    case 'pending':
      return <span className="muted">{w.status.pending}</span>;
    case 'failed':
      return (
        <span className="status-failed">
          <strong>{w.status.failed}</strong>
          {watch.failureCode ? w.failureReason(ui.failure(watch.failureCode)) : watch.failure ? w.failureReason(watch.failure) : ''}
          {watch.failures > 1 ? w.attempts(watch.failures) : ''}
          {watch.movedTo && (
            <>
              {' '}
              <button type="button" onClick={() => onWatchInstead(watch.site, watch.movedTo!)}>
                {w.watchInstead(displayUrl(watch.movedTo))}
              </button>
            </>
          )}
        </span>
      );
  }
}

export function WatchTable({
  watches,
  busySites,
  onCheckNow,
  onRemove,
  onFrequency,
  onWatchInstead,
  now,
}: {
  watches: readonly WatchEntry[];
  /** When the list was read: relative dates ("today") are worded from it. */
  now: number;
  /** Sites whose check is running. */
  busySites: readonly string[];
  onCheckNow: (site: string) => void;
  onRemove: (site: string) => void;
  onFrequency: (site: string, hours: number) => void;
  /** The user confirms the address a check found the policy moved to. */
  onWatchInstead: (site: string, url: string) => void;
}) {
  const { ui, format } = useWords();
  const w = ui.options;
  if (watches.length === 0) {
    return <p className="muted">{w.noWatches}</p>;
  }
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{w.watchedSites}</caption>
        <thead>
          <tr>
            <th scope="col">{w.column.site}</th>
            <th scope="col">{w.column.policy}</th>
            <th scope="col">{w.column.lastCheck}</th>
            <th scope="col">{w.column.lastChange}</th>
            <th scope="col">{w.column.status}</th>
            <th scope="col">{w.column.frequency}</th>
            <th scope="col">
              <span className="visually-hidden">{w.column.actions}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {watches.map((watch) => {
            const href = safeHttpUrl(watch.policyUrl);
            const options = FREQUENCIES.includes(watch.frequencyHours) ? FREQUENCIES : [...FREQUENCIES, watch.frequencyHours];
            return (
              <tr key={watch.site}>
                <th scope="row">{watch.site}</th>
                <td className="policy-cell">
                  {href ? (
                    <a href={href} target="_blank" rel="noreferrer noopener">
                      <BreakableUrl text={displayUrl(watch.policyUrl)} />
                    </a>
                  ) : (
                    <BreakableUrl text={displayUrl(watch.policyUrl)} />
                  )}
                </td>
                <td className="nowrap">{watch.lastCheck ? format.dateTime(watch.lastCheck, now) : w.never}</td>
                <td className="nowrap">{watch.lastChange ? format.date(watch.lastChange, now) : w.noneSeen}</td>
                <td className="status-cell">
                  <StatusCell watch={watch} onWatchInstead={onWatchInstead} />
                </td>
                <td>
                  <select
                    aria-label={w.frequencyFor(watch.site)}
                    value={watch.frequencyHours}
                    onChange={(e) => onFrequency(watch.site, Number(e.target.value))}
                  >
                    {options.map((hours) => (
                      <option key={hours} value={hours}>
                        {w.frequency(hours)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <div className="actions nowrap">
                    <button
                      type="button"
                      aria-label={w.checkNowFor(watch.site)}
                      aria-disabled={busySites.includes(watch.site)}
                      onClick={() => {
                        if (!busySites.includes(watch.site)) onCheckNow(watch.site);
                      }}
                    >
                      {busySites.includes(watch.site) ? w.checking : w.checkNow}
                    </button>
                    <button type="button" aria-label={w.removeSite(watch.site)} onClick={() => onRemove(watch.site)}>
                      {w.remove}
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
  candidates: { url: string; why: Why }[];
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
  // "Confirm and watch" takes the candidates (and the focused button) away: focus goes back to the address
  // field, ready for another site, not to the page's top.
  const inputRef = useRef<HTMLInputElement>(null);
  const { ui } = useWords();
  const w = ui.options;

  const discover = async (e: FormEvent) => {
    e.preventDefault();
    if (busy || !input.trim()) return;
    setBusy(true);
    setFound(null);
    setMessage(w.lookingUp);
    try {
      const result = await onDiscover(input.trim());
      setFound(result);
      setChosen(result.candidates[0]?.url ?? null);
      setMessage(result.candidates.length === 0 ? w.noneFound(result.site) : w.found(result.candidates.length, result.site));
    } catch (err) {
      setMessage(w.lookupFailed(errorMessage(err, ui)));
    } finally {
      setBusy(false);
    }
  };

  const confirm = async (e: FormEvent) => {
    e.preventDefault();
    if (busy || !chosen) return;
    setBusy(true);
    try {
      setMessage(await onConfirm(chosen));
      setFound(null);
      setInput('');
      inputRef.current?.focus();
    } catch (err) {
      setMessage(w.watchFailed(errorMessage(err, ui)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <form onSubmit={(e) => void discover(e)}>
        <label htmlFor={inputId}>{w.addressLabel}</label>
        <div className="form-row">
          <input
            ref={inputRef}
            id={inputId}
            type="text"
            inputMode="url"
            placeholder={w.addressPlaceholder}
            value={input}
            onChange={(e) => setInput(e.target.value)}
            autoComplete="off"
            spellCheck={false}
          />
          <button type="submit" className="primary" aria-disabled={busy || !input.trim()}>
            {w.findPolicy}
          </button>
        </div>
      </form>
      {found && found.candidates.length > 0 && (
        <form onSubmit={(e) => void confirm(e)}>
          <CandidateList found={found} radioName={radioName} chosen={chosen} onChoose={setChosen} />
          <button type="submit" className="primary" aria-disabled={busy || !chosen}>
            {w.confirmWatch}
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
  const { ui } = useWords();
  const rows = (['paused', 'autoWatchVisited', 'notifications'] as const).map((key) => ({ key, ...ui.options.settings[key] }));
  return (
    <div>
      {rows.map((r) => (
        <div className="checkbox-row" key={r.key}>
          <input
            type="checkbox"
            id={`${id}-${r.key}`}
            checked={settings[r.key]}
            aria-disabled={disabled}
            aria-describedby={`${id}-${r.key}-hint`}
            onChange={(e) => {
              if (!disabled) onChange({ [r.key]: e.target.checked });
            }}
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
  const { ui } = useWords();
  const w = ui.options;
  return (
    <div>
      <p className="muted small">{w.exportNote}</p>
      <div className="actions">
        <button type="button" onClick={() => !busy && onExport()} aria-disabled={busy}>
          {w.exportHistory}
        </button>
        <input
          id={fileId}
          type="file"
          accept="application/json,.json"
          className="visually-hidden file-input"
          aria-disabled={busy}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file && !busy) onImport(file);
          }}
        />
        <label htmlFor={fileId} className="button">
          {w.importHistory}
        </label>
      </div>
      <p className="muted small">
        {w.evidenceNote[0]}
        <code>clausewatch verify</code>
        {w.evidenceNote[1]}
      </p>
      <div className="actions">
        <button type="button" onClick={() => !busy && onExportEvidence()} aria-disabled={busy}>
          {ui.common.exportEvidence}
        </button>
      </div>
      <p className="status-line" role="status" aria-live="polite">
        {message}
      </p>
    </div>
  );
}

export function StorageInfo({ view }: { view: Pick<OptionsView, 'usage' | 'quarantined' | 'setAside' | 'extraction'> }) {
  const { ui, format } = useWords();
  const w = ui.options;
  const { usage, extraction } = view;
  const raw = usage.raw;
  const reread = extraction.changedText + extraction.sameText + extraction.failed;
  return (
    <div>
      <p>{w.used(format.bytes(usage.bytes), usage.versions, usage.policies, usage.sites)}</p>
      <p className="raw-kept">{w.savedPages(raw.captures, format.bytes(raw.bytes), format.bytes(raw.pageBytes), raw.versionsWithRaw, usage.versions)}</p>
      <p className="muted small">{w.keepNote}</p>
      <p className="muted small reextraction">
        {extraction.pending > 0
          ? w.reextractPending(extraction.extractorVersion, extraction.pending)
          : reread > 0
            ? w.reextractDone(extraction.extractorVersion, extraction.changedText, extraction.sameText, extraction.failed)
            : w.extractor(extraction.extractorVersion)}
      </p>
      {view.quarantined > 0 && <p className="info">{w.quarantined(view.quarantined)}</p>}
      {view.setAside > 0 && <p className="info set-aside">{w.setAside(view.setAside)}</p>}
    </div>
  );
}

/** The addresses a lookup found for a site, to choose one to watch: whole, scheme and query included, the path decoded, breakable. */
export function CandidateList({ found, radioName, chosen, onChoose }: { found: Candidates; radioName: string; chosen: string | null; onChoose: (url: string) => void }) {
  const { ui } = useWords();
  return (
    <fieldset className="candidates">
      <legend>{ui.options.whichPage(found.site)}</legend>
      {found.candidates.map((c) => {
        const id = `${radioName}-${c.url}`;
        return (
          <div className="candidate" key={c.url}>
            <input type="radio" id={id} name={radioName} value={c.url} checked={chosen === c.url} onChange={() => onChoose(c.url)} aria-describedby={`${id}-why`} />
            <label htmlFor={id}>
              <BreakableUrl text={readableUrl(c.url)} />
            </label>
            <span className="why" id={`${id}-why`}>
              {ui.discoveryWhy(c.why)}
            </span>
          </div>
        );
      })}
    </fieldset>
  );
}
