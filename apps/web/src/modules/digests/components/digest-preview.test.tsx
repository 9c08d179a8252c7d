import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../../test/render';
import { DigestPreview } from './digest-preview';

const HTML = '<p>Repatriation flights resumed</p><script>window.__ran = true</script><img src=x onerror="window.__ran = true">';

describe('the digest preview', () => {
  it('shows the email’s HTML only inside a sandboxed frame, never in the page', () => {
    renderWithProviders(
      <DigestPreview
        preview={{ subject: 'US–Mexico migration talks: 1 status change', html: HTML, text: 'Repatriation flights resumed', itemCount: 1, windowStart: '2026-01-01T00:00:00Z', windowEnd: '2026-01-08T00:00:00Z' }}
        onRefresh={() => undefined}
        refreshing={false}
      />,
    );
    const frame = screen.getByTitle('Digest email preview') as HTMLIFrameElement;
    expect(frame.tagName).toBe('IFRAME');
    expect(frame.getAttribute('sandbox')).toBe('');
    expect(frame.getAttribute('srcdoc')).toBe(HTML);
    expect(document.querySelector('main, body')?.querySelectorAll('script')).toHaveLength(0);
    expect(screen.queryByText('Repatriation flights resumed')).not.toBeInTheDocument();
    expect((window as unknown as { __ran?: boolean }).__ran).toBeUndefined();
    expect(screen.getByText('US–Mexico migration talks: 1 status change')).toBeInTheDocument();
    expect(screen.getByText('1 item')).toBeInTheDocument();
  });
});
