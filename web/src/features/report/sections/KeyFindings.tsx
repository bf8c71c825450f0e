import type { KeyFinding } from '../../../lib/api/insights';
import { SECTION_IDS, evidenceTarget, type Section } from '../report-model';
import { ReportSection, goToSection } from './ReportSection';

function FindingItem({ finding, target }: { finding: KeyFinding; target: string | null }) {
  const columns = finding.evidence?.columns ?? [];
  return (
    <li data-testid="key-finding" className="flex flex-col gap-1 border-l-4 border-indigo-500 py-1 pl-3">
      <p className="text-slate-900">{finding.sentence}</p>
      <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-600">
        {finding.kind && <span className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-slate-700">{finding.kind}</span>}
        {columns.length > 0 && <span>Columns: {columns.join(', ')}</span>}
        {target && (
          <a
            href={`#${target}`}
            className="link"
            onClick={(event) => {
              event.preventDefault();
              goToSection(target);
            }}
          >
            See the evidence<span className="sr-only"> for: {finding.sentence}</span>
          </a>
        )}
      </p>
    </li>
  );
}

/** The findings the engine ranked highest, in its order (by score when it gives one). */
export function KeyFindings({ section, present }: { section: Section<KeyFinding[]>; present: ReadonlySet<string> }) {
  return (
    <ReportSection id={SECTION_IDS.findings} title="Key findings" section={section}>
      {(findings) =>
        findings.length === 0 ? (
          <p className="text-slate-600">Nothing in this file stood out enough to report as a finding.</p>
        ) : (
          <ol className="flex flex-col gap-3">
            {[...findings]
              .sort((a, b) => (b.score ?? 0) - (a.score ?? 0))
              .map((finding, index) => (
                <FindingItem key={index} finding={finding} target={evidenceTarget(finding.evidence, present)} />
              ))}
          </ol>
        )
      }
    </ReportSection>
  );
}
