import type { HighlightSegment } from '../../../../common/schemas/knowledge.ts';

/** Text with the matched search words marked; the segments come from the server, no HTML. */
export function HighlightText({ segments }: { segments: HighlightSegment[] }) {
  return (
    <>
      {segments.map((s, i) =>
        s.hit ? (
          <mark key={i} className="lx-kb-hit">
            {s.text}
          </mark>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </>
  );
}
