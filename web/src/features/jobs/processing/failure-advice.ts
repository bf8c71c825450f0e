/** What the reader can do about each stable failure code (docs/protocol.md, job_error.code). */
const ADVICE: Record<string, string> = {
  empty_file: 'The file has no content. Export it again and upload the new file.',
  header_only: 'The file has a header row but no data rows. Add the data under the header and upload it again.',
  not_text: 'This looks like a binary file (for example a spreadsheet or archive). Save it as CSV and upload that.',
  not_csv: 'The file is not delimited text. Save it as CSV (comma, semicolon or tab separated) and upload that.',
  malformed_row: 'A row has a different number of fields than the header. Fix that row (often an unquoted delimiter) and upload again.',
  time_limit: 'The analysis took longer than the server allows. Try a smaller file, or ask the operator to raise the limit.',
  too_many_attempts: 'The server tried several times and stopped. Upload the file again; if it keeps failing, contact the operator.',
  internal_error: 'Something went wrong on the server. Upload the file again; if it keeps failing, contact the operator.',
};

const GENERIC = 'Check the file and upload it again.';

export function failureAdvice(code: string | null | undefined): string {
  return (code && ADVICE[code]) ?? GENERIC;
}
