import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../../test/render';
import { EvidenceList } from './evidence-list';
import { LinkCheckBadge } from './link-check-badge';

const CHECKED = '2026-11-30T09:15:00.000Z';
const source = { id: 'e1', title: 'Joint statement', url: 'https://example.org/statement', kind: 'OFFICIAL_STATEMENT', stance: 'SUPPORTS', addedBy: 'Ana Analyst' };

describe('LinkCheckBadge', () => {
  it('flags a broken address with its status and when it was checked, and offers the archived copy', () => {
    renderWithProviders(
      <EvidenceList items={[{ ...source, linkCheck: { state: 'BROKEN', statusCode: 404, checkedAt: CHECKED }, archiveUrl: 'https://web.archive.org/web/2026/https://example.org/statement' }]} />,
    );
    expect(screen.getByText('Broken link (404)')).toBeInTheDocument();
    expect(screen.getByText('checked Nov 30, 2026')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Archived copy' })).toHaveAttribute('href', 'https://web.archive.org/web/2026/https://example.org/statement');
    // The source's own link stays.
    expect(screen.getByRole('link', { name: 'Joint statement' })).toHaveAttribute('href', 'https://example.org/statement');
  });

  it('flags an unreachable address, without an archived copy when there is none', () => {
    renderWithProviders(<LinkCheckBadge linkCheck={{ state: 'UNREACHABLE', statusCode: null, checkedAt: CHECKED }} archiveUrl={null} />);
    expect(screen.getByText('Unreachable')).toBeInTheDocument();
    expect(screen.queryByRole('link')).toBeNull();
  });

  it('shows nothing for a working, redirected or unchecked address', () => {
    for (const linkCheck of [{ state: 'OK', statusCode: 200, checkedAt: CHECKED }, { state: 'REDIRECTED', statusCode: 200, checkedAt: CHECKED }, null]) {
      const { unmount } = renderWithProviders(<LinkCheckBadge linkCheck={linkCheck} archiveUrl="https://web.archive.org/x" />);
      expect(screen.queryByText(/Broken|Unreachable|checked/)).toBeNull();
      expect(screen.queryByRole('link')).toBeNull();
      unmount();
    }
  });

  it('does not turn an archived copy that is not an http(s) address into a link', () => {
    renderWithProviders(<LinkCheckBadge linkCheck={{ state: 'BROKEN', statusCode: 500, checkedAt: CHECKED }} archiveUrl="javascript:alert(1)" />);
    expect(screen.getByText('Broken link (500)')).toBeInTheDocument();
    expect(screen.queryByRole('link')).toBeNull();
  });
});
