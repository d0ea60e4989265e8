import type { Span } from '@/lib/core/schema';
import { splitOuterSpace } from '@/lib/core/text/trim';

/** Splits the spaces off an edited run so the highlight hugs the words. */
function hug(text: string): [string, string, string] {
  const [lead, words, trail] = splitOuterSpace(text);
  return words ? [lead, words, trail] : ['', text, ''];
}

/**
 * Word-level diff spans as text: added words in <ins>, removed words in <del>. `side` keeps only what
 * one version had ('before': equal and deleted words, 'after': equal and inserted words).
 * Everything is a React text child: policy text never becomes markup.
 */
export function SpanText({
  spans,
  fallback,
  side = 'both',
}: {
  spans: readonly Span[];
  fallback?: string;
  side?: 'both' | 'before' | 'after';
}) {
  if (spans.length === 0) return <>{fallback ?? ''}</>;
  return (
    <>
      {spans.map((span, i) => {
        if (span.op === 'equal') return <span key={i}>{span.text}</span>;
        if ((span.op === 'insert' && side === 'before') || (span.op === 'delete' && side === 'after')) return null;
        const [lead, words, trail] = hug(span.text);
        if (!words) return <span key={i}>{span.text}</span>;
        const Tag = span.op === 'insert' ? 'ins' : 'del';
        return (
          <span key={i}>
            {lead}
            <Tag>{words}</Tag>
            {trail}
          </span>
        );
      })}
    </>
  );
}
