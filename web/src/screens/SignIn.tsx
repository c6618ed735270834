import { useEffect, useState, type FormEvent } from 'react';
import { signInDemo, signInMethods, signInPassword, type SignInMethods, type Viewer } from '../auth';
import { useT } from '../i18n';

export function SignIn({ onSignedIn }: { onSignedIn(viewer: Viewer): void }) {
  const t = useT();
  const [methods, setMethods] = useState<SignInMethods | null>(null);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    signInMethods().then(setMethods, (e: Error) => setError(e.message));
  }, []);
  const attempt = (signIn: Promise<Viewer>) => signIn.then(onSignedIn, (e: Error) => setError(e.message));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void attempt(signInPassword(email, password));
  };
  return (
    <section aria-labelledby="sign-in-title">
      <h2 id="sign-in-title">{t('signInTitle')}</h2>
      {error && (
        <p role="alert" className="error">
          {t('signInFailed', { message: error })}
        </p>
      )}
      {methods?.demo && (
        <>
          <h3>{t('demoUsers')}</h3>
          <ul data-testid="demo-users">
            {methods.demo.users.map((user) => (
              <li key={user.email}>
                <button data-email={user.email} onClick={() => void attempt(signInDemo(user.email))}>
                  {user.name} ({user.email})
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {methods?.password && (
        <form onSubmit={submit}>
          <label className="field">
            {t('email')} <input type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} required />
          </label>
          <label className="field">
            {t('password')} <input type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
          </label>
          <button className="primary" type="submit">
            {t('signIn')}
          </button>
        </form>
      )}
      {methods?.oidc && (
        <p>
          <a href={`${methods.oidc.startUrl}?returnTo=/`}>{t('identityProvider')}</a>
        </p>
      )}
    </section>
  );
}
