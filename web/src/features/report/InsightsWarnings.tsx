export function InsightsWarnings({ warnings }: { warnings: string[] }) {
  if (warnings.length === 0) return null;
  return (
    <section aria-labelledby="warnings-heading" data-testid="insights-warnings" className="rounded-xl border border-amber-200 bg-amber-50 p-5">
      <h2 id="warnings-heading" className="font-semibold text-amber-900">
        {warnings.length === 1 ? '1 warning' : `${warnings.length} warnings`}
      </h2>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-amber-900">
        {warnings.map((warning, index) => (
          <li key={index}>{warning}</li>
        ))}
      </ul>
    </section>
  );
}
