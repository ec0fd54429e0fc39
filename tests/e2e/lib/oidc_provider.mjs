// A real OpenID provider for the single sign-on tests: the npm package
// oidc-provider on loopback, started by the test file that needs it and
// stopped by it (stop() in its after()), so every file has its own.
//
// In front of it sits a small proxy, and the provider's issuer is the
// proxy's address: the browser and Tandem reach the provider only through
// it. Normally it passes everything on untouched. A test can make it
// (mode) refuse every connection (a provider that is down), hold the token
// endpoint's answer back (a provider that answers slowly), or rewrite the
// ID token in the token endpoint's answer: re-signed with a key that is
// not in the provider's JWKS, or with the provider's own key but a wrong
// audience, an expired time or a nonce of another sign-in. It can also
// serve a JWKS of its own (a provider that rotated its keys). The keys are
// made here, so the tests know the provider's private key: Tandem's C code
// does the real checks on what it is sent; nothing of Tandem is mocked.
import http from 'node:http';
import { SignJWT, decodeJwt, decodeProtectedHeader, exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';

/** A signing key pair with its public JWK (kid given). */
export async function signingKey(kid) {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const pub = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  const priv = { ...(await exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' };
  return { kid, publicKey, privateKey, pub, priv };
}

/** The claims of token re-signed with key (its kid in the header), changed by change(claims). */
export async function resign(token, key, change = (c) => c) {
  const claims = change({ ...decodeJwt(token) });
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: decodeProtectedHeader(token).typ }).sign(key.privateKey);
}

/**
 * Starts the provider on providerPort behind the proxy on proxyPort, with
 * one client (clientId, clientSecret) whose redirect URI is redirectUri.
 * accounts: sub -> claims (email, name, preferred_username…), read at each
 * sign-in, so a test may change them. Returns {issuer, key, accounts,
 * proxy: {mode, delayMs, rewrite, jwks}, stop()}.
 */
export async function startProvider({ providerPort, proxyPort, clientId, clientSecret, redirectUri, accounts }) {
  const issuer = `http://127.0.0.1:${proxyPort}`;
  const key = await signingKey('provider-key-1');
  const provider = new Provider(issuer, {
    clients: [{
      client_id: clientId, client_secret: clientSecret, redirect_uris: [redirectUri],
      grant_types: ['authorization_code'], response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    }],
    jwks: { keys: [key.priv] },
    // The claims of the scopes asked for go in the ID token itself, as
    // Entra ID and Google put them there: Tandem reads no userinfo.
    conformIdTokenClaims: false,
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'preferred_username'] },
    scopes: ['openid', 'email', 'profile'],
    features: { devInteractions: { enabled: true } },
    pkce: { required: () => true },
    findAccount: (ctx, sub) => (accounts[sub] ? { accountId: sub, claims: () => ({ sub, ...accounts[sub] }) } : undefined),
    cookies: { keys: ['tandem-test-cookie-key'] },
  });
  provider.on('server_error', (ctx, err) => console.error('oidc-provider:', err));
  const backend = http.createServer(provider.callback());
  await new Promise((resolve) => backend.listen(providerPort, '127.0.0.1', resolve));

  const proxy = { mode: 'pass', delayMs: 8000, rewrite: null, jwks: null };
  const sockets = new Set();
  const front = http.createServer(async (req, res) => {
    if (proxy.mode === 'down') { req.socket.destroy(); return; }
    const url = new URL(req.url, issuer);
    if (proxy.jwks && url.pathname === '/jwks') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(proxy.jwks));
      return;
    }
    const body = await new Promise((resolve) => { const c = []; req.on('data', (d) => c.push(d)); req.on('end', () => resolve(Buffer.concat(c))); });
    const isToken = url.pathname === '/token';
    if (isToken && proxy.mode === 'slow') await new Promise((r) => setTimeout(r, proxy.delayMs));
    const upstream = http.request({ host: '127.0.0.1', port: providerPort, method: req.method, path: req.url, headers: req.headers }, async (up) => {
      const chunks = [];
      for await (const c of up) chunks.push(c);
      let out = Buffer.concat(chunks);
      const headers = { ...up.headers };
      if (isToken && proxy.rewrite && up.statusCode === 200) {
        const answer = JSON.parse(out.toString('utf8'));
        answer.id_token = await proxy.rewrite(answer.id_token);
        out = Buffer.from(JSON.stringify(answer));
        delete headers['content-encoding'];
      }
      headers['content-length'] = String(out.length);
      if (res.destroyed) return; // Tandem gave up waiting
      res.writeHead(up.statusCode, headers);
      res.end(out);
    });
    upstream.on('error', () => res.destroy());
    upstream.end(body);
  });
  front.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  await new Promise((resolve) => front.listen(proxyPort, '127.0.0.1', resolve));

  return {
    issuer, key, accounts, proxy,
    /** Back to passing everything through untouched. */
    reset() { Object.assign(proxy, { mode: 'pass', rewrite: null, jwks: null }); },
    async stop() {
      for (const s of sockets) s.destroy();
      await Promise.all([front, backend].map((srv) => new Promise((resolve) => { srv.closeAllConnections?.(); srv.close(() => resolve()); })));
    },
  };
}
