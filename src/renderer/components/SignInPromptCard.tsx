/**
 * What a waiting sign-in asks of the user, shown prominently in the harvest panel: for a device
 * code, the page to open (a new browser tab; in Electron main hands it to the system browser, see
 * src/main/electron/externalLinks.ts) and the code, large and copyable; for a browser sign-in, one
 * line. The code is shown only: never stored, never logged.
 */
import { useState } from 'react';
import type { SignInPrompt } from '../../shared/harvest/types';

/** Only an https page becomes a link (the URI comes from the identity service, still checked). */
function httpsUrl(uri: string | undefined): string | undefined {
  if (!uri) return undefined;
  try {
    return new URL(uri).protocol === 'https:' ? uri : undefined;
  } catch {
    return undefined;
  }
}

/** Copy to the clipboard; where the page may not (a denied permission), say how instead. */
function CopyButton({ text }: { text: string }): React.JSX.Element {
  const [state, setState] = useState<'idle' | 'copied' | 'manual'>('idle');
  const copy = () => {
    if (!navigator.clipboard) return setState('manual');
    navigator.clipboard.writeText(text).then(() => setState('copied'), () => setState('manual'));
  };
  return (
    <>
      <button type="button" className="ghost small" data-testid="signin-copy" onClick={copy}>{state === 'copied' ? 'Copied' : 'Copy code'}</button>
      {state === 'manual' && <span className="muted small"> select the code and press Ctrl+C</span>}
    </>
  );
}

/** The prompt card. */
export function SignInPromptCard({ prompt }: { prompt: SignInPrompt }): React.JSX.Element {
  if (prompt.method === 'interactiveBrowser' || !prompt.userCode) {
    return <div className="signin-prompt" role="status" data-testid="signin-prompt" data-method={prompt.method}>{prompt.message}</div>;
  }
  const url = httpsUrl(prompt.verificationUri);
  return (
    <div className="signin-prompt" role="status" data-testid="signin-prompt" data-method={prompt.method}>
      <strong>Sign in to continue.</strong> Open{' '}
      {url
        ? <a href={url} target="_blank" rel="noopener noreferrer" data-testid="signin-link">{url}</a>
        : <code>{prompt.verificationUri ?? 'the device sign-in page'}</code>}
      {' '}and enter this code:
      <div className="signin-code-row">
        <code className="signin-code" data-testid="signin-code">{prompt.userCode}</code>
        <CopyButton text={prompt.userCode} />
      </div>
      <div className="muted small" data-testid="signin-message">{prompt.message}</div>
    </div>
  );
}
