export const id = 875;
export const ids = [875];
export const modules = {

/***/ 875:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 12 modules
var core = __webpack_require__(143);
;// CONCATENATED MODULE: ./src/platform/context.ts
// The workflow run this step belongs to, from @actions/github. Loaded on first use, after
// the first request is on the wire: the package brings Octokit, which the action does not need
// before it writes.
async function loadRunContext(env = process.env) {
    try {
        const { context } = await __webpack_require__.e(/* import() */ 413).then(__webpack_require__.bind(__webpack_require__, 2413));
        // context.repo throws without GITHUB_REPOSITORY (a run outside Actions).
        const repository = env.GITHUB_REPOSITORY ? `${context.repo.owner}/${context.repo.repo}` : undefined;
        const workflow = context.workflow || undefined;
        const attempt = context.runAttempt > 1 ? `/attempts/${context.runAttempt}` : '';
        const runUrl = repository !== undefined && context.runId ? `${context.serverUrl}/${repository}/actions/runs/${context.runId}${attempt}` : undefined;
        return {
            ...(repository !== undefined && { repository }),
            ...(workflow !== undefined && { workflow }),
            ...(runUrl !== undefined && { runUrl }),
            ...(context.runId > 0 && { runId: context.runId }),
            ...(context.runAttempt > 0 && { runAttempt: context.runAttempt })
        };
    }
    catch {
        // The context only decorates the description and summary; it never fails a run.
        return {};
    }
}
/** The contract's default description: it tells a person in the Platform UI which workflow owns the connection. */
function defaultDescription(ctx) {
    return `Managed by GitHub Actions: ${ctx.repository ?? 'a run outside GitHub Actions'}, workflow ${ctx.workflow ?? '(none)'}`;
}

;// CONCATENATED MODULE: ./src/platform/retry.ts
// The retry policy shared by every HTTP call: what is worth another attempt, and how long
// to wait first. Pure functions plus an injectable clock, so tests never wait for real.
const systemClock = {
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms))
};
const DEFAULT_RETRY_POLICY = { baseDelayMs: 500, maxDelayMs: 15_000 };
const RETRYABLE_STATUSES = new Set([429, 500, 502, 503, 504]);
// Failures of the connection itself: the request may be sent again. DNS failures other than
// EAI_AGAIN are configuration mistakes and would only fail again.
const RETRYABLE_NETWORK_CODES = new Set([
    'ECONNRESET',
    'ECONNREFUSED',
    'ECONNABORTED',
    'ETIMEDOUT',
    'EPIPE',
    'EHOSTUNREACH',
    'ENETUNREACH',
    'ENETDOWN',
    'EAI_AGAIN',
    'ERR_STREAM_PREMATURE_CLOSE'
]);
function isRetryableStatus(status) {
    return RETRYABLE_STATUSES.has(status);
}
function isRetryableNetworkError(error) {
    if (error.code !== undefined)
        return RETRYABLE_NETWORK_CODES.has(error.code);
    // Node reports some hang-ups without a code.
    return /socket hang up|aborted/i.test(error.message);
}
/** Full jitter: uniformly random in [0, min(maxDelay, base * 2^(attempt-1))]. */
function backoffDelay(attempt, policy, random = Math.random) {
    const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
    return Math.floor(random() * ceiling);
}
/** Retry-After in delta-seconds or as an HTTP date, in milliseconds from now; undefined when absent or unreadable. */
function parseRetryAfter(value, nowMs) {
    if (value === undefined)
        return undefined;
    const trimmed = value.trim();
    if (/^\d+$/.test(trimmed))
        return Number(trimmed) * 1000;
    if (!/[a-z]/i.test(trimmed))
        return undefined;
    const date = Date.parse(trimmed);
    return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}
/**
 * Whether attempt number `attempt` (1-based) may be followed by another, and after how long.
 * The wait honours Retry-After but never reaches the deadline: a retry that could not even be
 * sent in time is not worth waiting for.
 */
function decideRetry(input) {
    const { attempt, policy, remainingMs } = input;
    if (attempt >= policy.maxAttempts) {
        return { retry: false, reason: policy.maxAttempts === 1 ? 'max-attempts is 1' : `all ${policy.maxAttempts} attempts used` };
    }
    const delayMs = input.retryAfterMs ?? backoffDelay(attempt, policy, input.random);
    if (delayMs >= remainingMs) {
        const wait = input.retryAfterMs !== undefined
            ? `the server asked to wait ${formatSeconds(delayMs)}`
            : `the next backoff is ${formatSeconds(delayMs)}`;
        return { retry: false, reason: `${wait}, beyond the ${formatSeconds(remainingMs)} left before timeout-seconds` };
    }
    return { retry: true, delayMs };
}
function formatSeconds(ms) {
    return `${(ms / 1000).toFixed(1)} s`;
}
/** The one budget of the whole step (timeout-seconds): every wait and every request is cut to what is left. */
class Deadline {
    totalMs;
    clock;
    budget;
    endsAt;
    constructor(
    /** The step's whole budget, as the inputs gave it (what a timeout message names). */
    totalMs, clock = systemClock, endsAt, 
    /** Which inputs make the budget: 'timeout-seconds', or 'timeout-seconds + wait-seconds'. */
    budget = 'timeout-seconds') {
        this.totalMs = totalMs;
        this.clock = clock;
        this.budget = budget;
        this.endsAt = endsAt ?? clock.now() + totalMs;
    }
    remainingMs() {
        return Math.max(0, this.endsAt - this.clock.now());
    }
    /**
     * The same budget less `reserveMs` at its end: the work runs under it, so that the clean-up
     * after a failure or a timeout (deleting what the run made) still has time within the step's.
     */
    withReserve(reserveMs) {
        return new Deadline(this.totalMs, this.clock, this.endsAt - reserveMs, this.budget);
    }
}

;// CONCATENATED MODULE: ./src/platform/api.ts
// Requests to Platform's services, described as data first. An action's request builders are
// pure functions returning Calls; the same Call is what a real run sends and what a dry run
// prints, so the two can never disagree.
/** The Call as it goes on the wire, with Adobe's headers. */
function toRequest(call, target, accessToken) {
    return {
        service: call.service,
        method: call.method,
        url: `${target.baseUrls[call.service]}${call.path}`,
        label: call.label,
        headers: {
            Authorization: `Bearer ${accessToken}`,
            'x-api-key': target.clientId,
            'x-gw-ims-org-id': target.imsOrgId,
            'x-sandbox-name': target.sandboxName,
            ...(call.body !== undefined && { 'Content-Type': 'application/json' }),
            ...(call.ifMatch !== undefined && { 'If-Match': call.ifMatch })
        },
        ...(call.body !== undefined && { body: JSON.stringify(call.body) }),
        ...(call.accept !== undefined && { accept: call.accept })
    };
}
/** The Call as a dry run prints it: the request line, the headers (no token) and the pretty body. */
function describeCall(call, target) {
    const req = toRequest(call, target, '***');
    const headers = Object.entries(req.headers ?? {}).map(([name, value]) => `${name}: ${value}`);
    const body = call.body === undefined ? [] : ['', ...JSON.stringify(call.body, null, 2).split('\n')];
    return [`${req.method} ${req.url}`, ...headers, ...body];
}
/** Sends Calls for one session: the token is fixed once obtained. */
class PlatformApi {
    transport;
    target;
    accessToken;
    constructor(transport, target, accessToken) {
        this.transport = transport;
        this.target = target;
        this.accessToken = accessToken;
    }
    send(call) {
        return this.transport.request(toRequest(call, this.target, this.accessToken));
    }
    /** For a create: `recover` is asked, after an attempt with an unknown outcome, whether it took effect. */
    sendOrRecover(call, recover) {
        return this.transport.requestOrRecover(toRequest(call, this.target, this.accessToken), recover);
    }
    remainingMs() {
        return this.transport.remainingMs();
    }
    /** The same session over another transport (the clean-up's, under the whole step's deadline). */
    over(transport) {
        return new PlatformApi(transport, this.target, this.accessToken);
    }
}

;// CONCATENATED MODULE: ./src/platform/json.ts
// Narrowing of parsed JSON: responses are `unknown` until checked.
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

;// CONCATENATED MODULE: ./src/platform/text.ts
// Free text from a server (messages, codes, titles, names in listings) is untrusted: it may hold
// a newline followed by `::error::`, which the runner would run as a workflow command, or
// markup meant to break out of a job summary table. Every action prints such text through
// these two functions only.
// C0 and C1 controls, DEL, the Unicode line and paragraph separators, and the bidirectional
// overrides that can make a log line read differently from what it holds.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const SHORT_ESCAPES = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
/** Default cap for one value in a log line: long enough for any message Adobe documents. */
const MAX_LOGGED_CHARS = 500;
/**
 * The value on one line, each control character shown as an escape (`\n`, `\u001b`), cut to
 * `max` characters with an ellipsis. Cutting comes last: the caller redacts secrets first.
 */
function oneLine(value, max = MAX_LOGGED_CHARS) {
    const flat = value.replace(UNSAFE, (c) => SHORT_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    return flat.length > max ? `${flat.slice(0, Math.max(0, max - 1))}…` : flat;
}
/**
 * A value for an HTML cell of the job summary: one line, markup escaped. The summary is
 * Markdown, in which a blank line ends an HTML block; a value can therefore never be allowed
 * a line break, or whatever follows it would be rendered as Markdown of the server's choosing.
 */
function summaryText(value, max = MAX_LOGGED_CHARS) {
    return escapeHtml(oneLine(value, max));
}
function escapeHtml(value) {
    return value.replace(/[&<>"'`|[\]\\*_]/g, (c) => `&#${c.charCodeAt(0)};`);
}
/** A JSON-quoted value for a message: quotes make its ends visible, oneLine keeps it on the line. */
function quoted(value, max = MAX_LOGGED_CHARS) {
    return `"${oneLine(value, max).replace(/"/g, '\\"')}"`;
}

;// CONCATENATED MODULE: ./src/platform/errors.ts
// Adobe answers errors in three shapes (Flow Service, API gateway, generic) and IMS in a
// fourth; this turns any of them into one readable sentence with status, code and request id.
// Every part that came from the server is printed through oneLine: it cannot start a line.



// Errors are recognised by shape, not instanceof: Node's own errors can come from another realm
// (a test runner's VM context), where instanceof Error is false.
function isErrorLike(value) {
    return typeof value === 'object' && value !== null && 'message' in value && typeof value.message === 'string';
}
/** Any thrown value as an Error, its errno code kept. */
function toError(value) {
    return isErrorLike(value) ? value : new Error(String(value));
}
function errorMessage(value) {
    return toError(value).message;
}
function errorStack(value) {
    return isErrorLike(value) ? value.stack : undefined;
}
function str(value) {
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
/** Longest raw (non-JSON) error body quoted in a message. */
const RAW_BODY_CHARS = 300;
/**
 * Reads whichever of Adobe's error shapes the body holds; falls back to the raw text. The body
 * must already be redacted: the fallback cuts it, and a cut must never split a secret.
 */
function decodeAdobeError(body, requestIdHeader) {
    let json;
    try {
        json = JSON.parse(body);
    }
    catch {
        json = undefined;
    }
    const fromBody = isObject(json) ? decodeShape(json) : { message: str(oneLine(body, RAW_BODY_CHARS)) };
    const requestId = fromBody.requestId ?? str(requestIdHeader);
    return {
        ...(fromBody.code !== undefined && { code: fromBody.code }),
        ...(fromBody.message !== undefined && { message: fromBody.message }),
        ...(requestId !== undefined && { requestId })
    };
}
function decodeShape(json) {
    const report = isObject(json.report) ? json.report : {};
    const requestId = str(report['request-id']) ?? str(json['request-id']) ?? str(json.requestId);
    const withId = (e) => (requestId !== undefined ? { ...e, requestId } : e);
    // Flow Service: {"type": ".../errors/FLOW-1415-400", "title", "report": {"detailed-message"}, "errorMessage"}
    const type = str(json.type);
    // Only the end is searched: the pattern, anchored at the end, backtracks over a long type.
    const flowCode = type?.slice(-48).match(/([A-Z]+-\d+-\d{3})$/)?.[1];
    if (flowCode !== undefined || isObject(json.report)) {
        const message = str(report['detailed-message']) ?? str(json.errorMessage) ?? str(json.title) ?? str(json.detail);
        return withId({ ...(flowCode !== undefined && { code: flowCode }), ...(message !== undefined && { message }) });
    }
    // API gateway: {"error_code": "401013", "message": "Oauth token is not valid"}
    const gatewayCode = str(json.error_code) ?? (typeof json.error_code === 'number' ? String(json.error_code) : undefined);
    if (gatewayCode !== undefined) {
        const message = str(json.message);
        return withId({ code: gatewayCode, ...(message !== undefined && { message }) });
    }
    // IMS: {"error": "invalid_client", "error_description": "invalid client_secret parameter"}
    const imsCode = str(json.error);
    if (imsCode !== undefined) {
        const message = str(json.error_description);
        return withId({ code: imsCode, ...(message !== undefined && { message }) });
    }
    // Generic: {"type", "status", "title": "BadRequestError", "detail": "A valid content-type must be specified"}
    const title = str(json.title);
    const detail = str(json.detail) ?? str(json.message);
    const code = title !== undefined && /^[A-Za-z]+$/.test(title) ? title : undefined;
    const message = detail ?? title;
    return withId({ ...(code !== undefined && { code }), ...(message !== undefined && { message }) });
}
/** What to do about the errors every action meets: credentials, organization, sandbox, permissions. */
const SESSION_HINTS = {
    '401013': "the access token is not valid or has expired; check 'client-id'/'client-secret', or mint a fresh 'access-token'",
    '403010': 'no access token was sent',
    '403000': "the API key is missing; check 'client-id'",
    '403003': "the API key is not valid; check 'client-id' (the Client ID of the Developer Console project)",
    '429050': 'Adobe is throttling this integration; retry later',
    'FLOW-2001-401': "check 'ims-org-id'",
    'FLOW-2002-401': "check 'ims-org-id'",
    'FLOW-2121-403': "the organization does not match the credentials; check 'ims-org-id'",
    'FLOW-2105-400': "check 'sandbox-name'",
    'FLOW-2100-404': "no such sandbox; check 'sandbox-name'",
    'FLOW-2118-403': 'the Developer Console project lacks the Sources permission for this sandbox',
    'FLOW-2120-403': 'the Developer Console project lacks the Sources permission for this sandbox',
    invalid_client: "check 'client-id' and 'client-secret'",
    invalid_scope: "check 'scopes' against the APIs of the Developer Console project"
};
/** The proxy refused the run's credentials: retrying cannot help, and the fix is in HTTPS_PROXY. */
const PROXY_REFUSED_HINT = 'the proxy refused the credentials (407 Proxy Authentication Required); check the user and password in HTTPS_PROXY (or HTTP_PROXY), or whether NO_PROXY should cover this host';
const TLS_TRUST_ERROR = /SELF_SIGNED|UNABLE_TO_(GET_ISSUER|VERIFY_LEAF)|CERT_UNTRUSTED|unable to verify/i;
function hintFor(d) {
    const code = d.adobe?.code;
    const hint = code !== undefined ? (d.hints?.[code] ?? SESSION_HINTS[code]) : undefined;
    if (d.status === 407)
        return ` Hint: ${PROXY_REFUSED_HINT}.`;
    if (hint !== undefined)
        return ` Hint: ${hint}.`;
    const { networkError } = d;
    if (networkError !== undefined && TLS_TRUST_ERROR.test(networkError)) {
        return ' Hint: the server certificate is not trusted; behind a TLS-inspecting proxy or a private CA, set NODE_EXTRA_CA_CERTS to its CA file.';
    }
    return '';
}
/** A request that failed for good: a non-retryable answer, or retries exhausted. */
class ApiError extends Error {
    details;
    constructor(details) {
        super(formatApiError(details));
        this.name = 'ApiError';
        this.details = details;
    }
    get status() {
        return this.details.status;
    }
    get code() {
        return this.details.adobe?.code;
    }
}
function formatApiError(d) {
    const what = requestName(d.service, d.label);
    const tries = d.attempts > 1 ? ` after ${d.attempts} attempts in ${formatSeconds(d.elapsedMs)}` : '';
    const networkError = d.networkError !== undefined ? oneLine(d.networkError) : undefined;
    const cause = d.status !== undefined
        ? `HTTP ${d.status}${networkError !== undefined ? ` (${networkError})` : ''}`
        : `network error: ${networkError ?? 'no answer'}`;
    const adobe = d.adobe ?? {};
    const code = adobe.code !== undefined ? ` ${oneLine(adobe.code, 60)}` : '';
    const message = adobe.message !== undefined ? `: ${oneLine(adobe.message)}` : '';
    const requestId = adobe.requestId !== undefined ? ` (request id ${oneLine(adobe.requestId, 100)})` : '';
    const hint = hintFor(d);
    const gaveUp = d.gaveUp !== undefined ? ` Gave up: ${d.gaveUp}.` : '';
    return `${what} failed${tries}: ${cause}${code}${message}${requestId}.${hint}${gaveUp}`;
}
/** The whole step ran out of `timeout-seconds`. */
class TimeoutError extends Error {
    constructor(timeoutMs, waitingFor, attempt, maxAttempts, note, budget = 'timeout-seconds') {
        super(`Timed out after ${formatSeconds(timeoutMs)} (${budget}) waiting for ${waitingFor} (attempt ${attempt} of ${maxAttempts}). ` +
            (note !== undefined ? `${note} ` : '') +
            'Raise timeout-seconds, or check that the service is reachable from the runner.');
        this.name = 'TimeoutError';
    }
}
/** The service answered 2xx with something this client cannot use. */
class UnexpectedResponseError extends Error {
    constructor(service, label, problem) {
        super(`${requestName(service, label)} returned an unexpected response: ${problem}.`);
        this.name = 'UnexpectedResponseError';
    }
}
/** How a request is named in messages: 'IMS token request', 'Flow Service POST /connections'. */
function requestName(service, label) {
    return service === 'IMS' ? 'IMS token request' : `${service} ${label}`;
}
/** The job was cancelled while the step ran: the work stopped, and the clean-up of what it made (if anything) ran. */
class CancelledError extends Error {
    constructor() {
        super('Cancelled: the runner stopped the step (the job was cancelled or timed out). Whatever this run made was deleted; a warning above names anything that could not be.');
        this.name = 'CancelledError';
    }
}

;// CONCATENATED MODULE: ./src/platform/ims.ts
// OAuth Server-to-Server: one client-credentials exchange with IMS per run (Adobe throttles
// integrations that mint too many tokens).


const TOKEN_PATH = '/ims/token/v3';
const LABEL = `POST ${TOKEN_PATH}`;
/** The token request as it goes on the wire (a dry run prints it, secret redacted). */
function tokenRequest(request) {
    return {
        service: 'IMS',
        method: 'POST',
        url: `${request.imsUrl}${TOKEN_PATH}`,
        label: LABEL,
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
            grant_type: 'client_credentials',
            client_id: request.clientId,
            client_secret: request.clientSecret,
            scope: request.scopes
        }).toString()
    };
}
/** Gets an access token and masks it before anything else can see it. */
async function fetchAccessToken(transport, request, secrets) {
    const label = LABEL;
    const res = await transport.request(tokenRequest(request));
    const token = isObject(res.json) ? res.json.access_token : undefined;
    // It goes into a header of every later request: one token of printable characters, no more.
    if (typeof token !== 'string' || !/^[\x21-\x7e]{1,16384}$/.test(token)) {
        throw new UnexpectedResponseError('IMS', label, 'no usable "access_token" in the answer');
    }
    secrets.add(token);
    return token;
}

;// CONCATENATED MODULE: ./src/platform/secrets.ts
// Masking and redaction. Every secret is registered with the runner (core.setSecret) before
// anything can print it, in the encodings a server is likely to echo it in; and every message
// the actions write is redacted on top, by a pattern that recognises the secret in any mixture
// of those encodings, so that a secret echoed back in a form the runner does not know is still
// never printed.
/** Secret inputs shorter than this are refused: masking a short value garbles every log line. */
const MIN_SECRET_LENGTH = 8;
const MASK = '***';
class Secrets {
    setSecret;
    registered = new Set();
    patterns = [];
    constructor(setSecret) {
        this.setSecret = setSecret;
    }
    /** Registers a secret with the runner, with its encoded forms and each of its lines. */
    add(secret) {
        if (secret === undefined || secret.trim() === '' || this.registered.has(secret))
            return;
        this.registered.add(secret);
        const values = [secret, ...secret.split(/\r?\n/).flatMap((line) => [line, line.trim()])].filter((value, index) => index === 0 || value.length >= MIN_SECRET_LENGTH);
        for (const value of new Set(values)) {
            for (const form of runnerForms(value)) {
                // Derived forms that short would mask ordinary words; the secret itself is always masked.
                if (form === secret || form.length >= MIN_SECRET_LENGTH)
                    this.setSecret(form);
            }
            this.patterns.push({ length: value.length, pattern: redactionPattern(value) });
        }
        // Longest first, so that no fragment of a longer secret survives a shorter one's match.
        this.patterns = [...this.patterns].sort((a, b) => b.length - a.length);
    }
    /** Replaces every secret, in any encoding listed above, with ***. Redact before any cut. */
    redact(text) {
        let out = text;
        for (const { pattern } of this.patterns)
            out = out.replace(pattern, MASK);
        return out;
    }
}
/** The exact strings registered with the runner, which masks only literal matches. */
function runnerForms(secret) {
    const json = JSON.stringify(secret).slice(1, -1);
    const percent = encodeURIComponent(secret);
    return new Set([
        secret,
        json,
        json.replace(/\//g, '\\/'),
        percent,
        percent.replace(/%[0-9A-F]{2}/g, (p) => p.toLowerCase()),
        new URLSearchParams({ s: secret }).toString().slice(2),
        secret.replace(/[&<>"']/g, (c) => HTML_NAMED[c] ?? c),
        ...base64Cores(secret)
    ]);
}
const HTML_NAMED = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const JSON_SHORT = {
    '"': '\\"',
    '\\': '\\\\',
    '/': '\\/',
    '\n': '\\n',
    '\r': '\\r',
    '\t': '\\t',
    '\b': '\\b',
    '\f': '\\f'
};
/**
 * One pattern for the secret written in any mixture of: itself, JSON escapes (`\/`, `\"`,
 * `\u002b` in either case), percent-encoding (either case), form encoding (`+` for a space) and
 * HTML character references (`&#43;`, `&#x2B;`, `&amp;`); or as base64 (standard or URL alphabet,
 * at any alignment inside a longer base64 text).
 */
function redactionPattern(secret) {
    const perCharacter = Array.from(secret)
        .map((c) => `(?:${characterForms(c).join('|')})`)
        .join('');
    const base64 = [...base64Cores(secret)].filter((core) => core.length >= MIN_SECRET_LENGTH).map(escapeRegExp);
    return new RegExp([perCharacter, ...base64].join('|'), 'g');
}
function characterForms(c) {
    const code = c.codePointAt(0) ?? 0;
    const forms = [escapeRegExp(c)];
    const bytes = [...Buffer.from(c, 'utf8')];
    forms.push(bytes.map((b) => `%${hexEitherCase(b, 2)}`).join(''));
    if (c === ' ')
        forms.push('\\+');
    const short = JSON_SHORT[c];
    if (short !== undefined)
        forms.push(escapeRegExp(short));
    // \uXXXX for each UTF-16 code unit (a surrogate pair for characters beyond the BMP).
    forms.push(Array.from({ length: c.length }, (_, i) => `\\\\u${hexEitherCase(c.charCodeAt(i), 4)}`).join(''));
    forms.push(`&#0*${code};`, `&#[xX]0*${hexEitherCase(code, 1)};`);
    const named = HTML_NAMED[c];
    if (named !== undefined)
        forms.push(escapeRegExp(named));
    return forms;
}
/** `0x2b` as `2[bB]`: hexadecimal digits that match upper and lower case, padded to `width`. */
function hexEitherCase(value, width) {
    return value
        .toString(16)
        .padStart(width, '0')
        .split('')
        .map((d) => (/[a-f]/.test(d) ? `[${d}${d.toUpperCase()}]` : d))
        .join('');
}
/**
 * The base64 characters that depend on the secret alone, at each of the three alignments the
 * secret can have inside longer base64 text (such as `Basic base64(user:secret)`), in the
 * standard and the URL-safe alphabets.
 */
function base64Cores(secret) {
    const bytes = Buffer.from(secret, 'utf8');
    const cores = new Set();
    for (const offset of [0, 1, 2]) {
        const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
        const start = [0, 2, 3][offset] ?? 0;
        const end = 4 * Math.floor((offset + bytes.length) / 3);
        const core = encoded.slice(start, end);
        if (core.length === 0)
            continue;
        cores.add(core);
        cores.add(core.replace(/\+/g, '-').replace(/\//g, '_'));
    }
    // The whole value, padding included, as most servers would write it.
    cores.add(bytes.toString('base64'));
    cores.add(bytes.toString('base64url'));
    return cores;
}
function escapeRegExp(value) {
    return value.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
var external_node_http_default = /*#__PURE__*/__webpack_require__.n(external_node_http_);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
var external_node_https_default = /*#__PURE__*/__webpack_require__.n(external_node_https_);
;// CONCATENATED MODULE: ./src/platform/transport/body.ts
// Reading an answer's body: bounded in size, linear in time (chunks are joined once), and
// settled the moment the socket closes early, so that a body cut short is retried at once
// instead of waiting for the step's deadline.
/** Far above any answer Adobe documents (a page of 100 connections is about 100 KB). */
const MAX_BODY_BYTES = 4 * 1024 * 1024;
class BodyTooLargeError extends Error {
    bytes;
    limit;
    constructor(bytes, limit) {
        super(`the answer is larger than ${formatBytes(limit)} (${bytes === Infinity ? 'more' : formatBytes(bytes)}), far beyond any documented answer`);
        this.bytes = bytes;
        this.limit = limit;
        this.name = 'BodyTooLargeError';
    }
}
/** The socket closed before the body was complete (the status line and headers did arrive). */
class PrematureCloseError extends Error {
    code = 'ERR_STREAM_PREMATURE_CLOSE';
    constructor(received) {
        super(`the connection closed after ${formatBytes(received)} of the answer's body, before its end`);
        this.name = 'PrematureCloseError';
    }
}
function readBody(message, limit = MAX_BODY_BYTES) {
    return new Promise((resolve, reject) => {
        const declared = Number(message.headers['content-length']);
        if (Number.isFinite(declared) && declared > limit) {
            message.destroy();
            reject(new BodyTooLargeError(declared, limit));
            return;
        }
        const chunks = [];
        let size = 0;
        message.on('data', (chunk) => {
            size += chunk.length;
            if (size <= limit) {
                chunks.push(chunk);
                return;
            }
            message.destroy();
            reject(new BodyTooLargeError(size, limit));
        });
        message.on('end', () => resolve(Buffer.concat(chunks, size)));
        // Node reports a body cut short as 'aborted' (ECONNRESET) or only as a close before the end.
        message.on('error', () => reject(new PrematureCloseError(size)));
        message.on('close', () => {
            if (!message.complete)
                reject(new PrematureCloseError(size));
        });
    });
}
function formatBytes(bytes) {
    if (bytes >= 1024 * 1024)
        return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
    if (bytes >= 1024)
        return `${(bytes / 1024).toFixed(1)} KiB`;
    return `${bytes} bytes`;
}

;// CONCATENATED MODULE: ./src/platform/transport/attempt.ts
// One attempt of a request: sent on the origin's agent, its answer read in full (bounded), all
// under the time the step has left. Whatever happens, it settles with one Exchange.




function attempt(agent, req, timeoutMs, maxBodyBytes, signal) {
    return new Promise((resolve) => {
        const send = req.url.protocol === 'https:' ? (external_node_https_default()).request : (external_node_http_default()).request;
        const headers = { ...req.headers, ...(req.body !== undefined && { 'content-length': String(Buffer.byteLength(req.body)) }) };
        const request = send(req.url, { method: req.method, headers, agent, ...(signal !== undefined && { signal }) });
        let settled = false;
        const settle = (exchange) => {
            if (settled)
                return;
            settled = true;
            clearTimeout(timer);
            resolve(exchange);
        };
        // Cut off when the step's time is up: destroying the request frees its socket, so nothing
        // is left to keep the process alive.
        const timer = setTimeout(() => {
            settle({ kind: 'expired' });
            request.destroy();
        }, timeoutMs);
        request.on('error', (error) => settle({ kind: 'no-answer', error: toError(error) }));
        request.on('response', (message) => {
            const status = message.statusCode ?? 0;
            readBody(message, maxBodyBytes).then((body) => settle({ kind: 'answer', status, headers: message.headers, body: body.toString('utf8') }), (error) => settle(error instanceof BodyTooLargeError ? { kind: 'too-large', status, error } : { kind: 'no-answer', error: toError(error) }));
        });
        request.end(req.body);
    });
}

;// CONCATENATED MODULE: ./src/platform/transport/classify.ts
// What an attempt's outcome means: a usable answer, or a failure that may be retried and that
// may have taken effect. Pure: the retry loop decides what to do with it.


// The tunnelling agent reports a proxy's refusal of the CONNECT as an error, not as an answer.
const PROXY_REFUSED = /statusCode=407/;
/**
 * `redact` is applied to every body before anything reads it, so that no later cut (of an error
 * message, say) can split a secret the server echoed.
 */
function classify(exchange, expect, nowMs, redact) {
    if (exchange.kind === 'no-answer')
        return noAnswer(exchange.error);
    if (exchange.kind === 'too-large') {
        // Reading on would only exhaust memory; sending again would get the same.
        return { status: exchange.status, networkError: exchange.error.message, retryable: false, uncertain: isSuccess(exchange.status) };
    }
    const { status, headers } = exchange;
    const body = redact(exchange.body);
    if (isSuccess(status) || expect.accept?.includes(status)) {
        try {
            return { status, headers, json: body.trim() === '' ? undefined : JSON.parse(body) };
        }
        catch {
            // An accepted error status speaks through its status alone, whatever its body.
            if (!isSuccess(status))
                return { status, headers, json: undefined };
            // A 2xx mangled on the way: as good as no answer.
            return { status, networkError: 'the response body is not valid JSON', retryable: true, uncertain: true };
        }
    }
    const retryAfterMs = parseRetryAfter(single(headers['retry-after']), nowMs);
    // Redacted whole, before any cut: a header may echo a secret as well as a body.
    const requestId = single(headers['x-request-id']);
    return {
        status,
        adobe: decodeAdobeError(body, requestId === undefined ? undefined : redact(requestId)),
        // 407: the proxy refused the run's credentials; asking again cannot change that.
        retryable: status !== 407 && isRetryableStatus(status),
        // A 429 was refused at the door; a 5xx may have been processed before it failed.
        uncertain: status >= 500,
        ...(retryAfterMs !== undefined && { retryAfterMs })
    };
}
function noAnswer(error) {
    if (PROXY_REFUSED.test(error.message)) {
        return { status: 407, networkError: 'the proxy refused the CONNECT request', retryable: false, uncertain: false };
    }
    const { code } = error;
    return {
        networkError: code !== undefined && !error.message.includes(code) ? `${code} (${error.message})` : error.message,
        retryable: isRetryableNetworkError(error),
        // A refused connection proves nothing was sent.
        uncertain: code !== 'ECONNREFUSED'
    };
}
function isAnswer(outcome) {
    return 'json' in outcome;
}
function isSuccess(status) {
    return status >= 200 && status < 300;
}
function single(value) {
    return Array.isArray(value) ? value[0] : value;
}

// EXTERNAL MODULE: ./node_modules/@actions/http-client/lib/index.js
var lib = __webpack_require__(2779);
// EXTERNAL MODULE: ./src/platform/url-rules.ts
var url_rules = __webpack_require__(5580);
// EXTERNAL MODULE: ./src/platform/transport/warm-up.ts
var warm_up = __webpack_require__(3892);
;// CONCATENATED MODULE: ./src/platform/transport/pool.ts
// One keep-alive agent per origin. @actions/http-client makes the agents (a plain keep-alive
// agent, or a tunnelling one when the proxy rule says so); requests go out on them one by one.



class Pool {
    userAgent;
    clients = new Map();
    constructor(userAgent) {
        this.userAgent = userAgent;
    }
    /** The origin's agent; its first request takes the origin's spare connection, if one was opened. */
    agentFor(url) {
        const known = this.clients.get(url.origin);
        if (known !== undefined)
            return known.agent;
        // One client per origin: an HttpClient keeps one agent, made for the scheme of its first URL.
        const client = new lib/* HttpClient */.Qq(this.userAgent, [], { keepAlive: true });
        const agent = client.getAgent(url.href);
        // A tunnelling agent opens its own connection through the proxy, per request.
        if (!(0,url_rules/* isProxied */.S)(url))
            (0,warm_up/* handSpare */.RT)(agent, url);
        this.clients.set(url.origin, { client, agent });
        return agent;
    }
    /** Opens the origin's connection now, so that its handshake overlaps other work. */
    warmUp(url) {
        (0,warm_up/* warmUp */.lM)(url);
        this.agentFor(url);
    }
    /** Closes every connection, so that the process can exit as soon as the run is over. */
    close() {
        (0,warm_up/* releaseSpares */.Ik)();
        for (const { client } of this.clients.values())
            client.dispose();
        this.clients.clear();
    }
}

;// CONCATENATED MODULE: ./src/platform/transport/transport.ts
// The one place requests are made: retries with backoff, one deadline for the whole step, and
// error answers decoded. Everything above it sees typed answers or one ApiError / TimeoutError
// with a message a person can act on. Its parts: pool (one keep-alive agent per origin),
// attempt (one try under the deadline), classify (what the outcome means), retry (the policy).







class Transport {
    options;
    pool;
    clock;
    constructor(options, pool = new Pool(options.userAgent)) {
        this.options = options;
        this.pool = pool;
        this.clock = options.clock ?? systemClock;
    }
    /**
     * The same connections and settings under another deadline, and not cancellable: clean-up
     * runs under the whole step's deadline, after the work was cut off.
     */
    under(deadline) {
        return new Transport({ ...this.options, deadline, signal: undefined }, this.pool);
    }
    /** The same connections and settings, cancellable as ever, under another deadline: for a wait after the work. */
    until(deadline) {
        return new Transport({ ...this.options, deadline }, this.pool);
    }
    /** Sends a request, retrying what is retryable; fails with ApiError or TimeoutError. */
    request(req) {
        return this.send(req, (res) => res);
    }
    /**
     * For a request that is not idempotent (a create): when an attempt's outcome is unknown (no
     * answer, a 5xx, an unreadable 2xx), asks `recover` whether it took effect before sending again.
     */
    requestOrRecover(req, recover) {
        return this.send(req, (res) => res, async () => {
            const found = await recover();
            return found === undefined ? undefined : { recovered: found };
        });
    }
    /** Time left before this transport's deadline. */
    remainingMs() {
        return this.options.deadline.remainingMs();
    }
    /** Opens each origin's connection now, so that its handshake overlaps other work. */
    warmUp(...urls) {
        for (const url of urls)
            this.pool.warmUp(new URL(url));
    }
    close() {
        this.pool.close();
    }
    async send(req, onAnswer, recover) {
        const { policy, deadline } = this.options;
        const started = this.clock.now();
        for (let n = 1;; n++) {
            const outcome = await this.once(req, n, recover !== undefined);
            if (isAnswer(outcome))
                return onAnswer(outcome);
            const elapsedMs = this.clock.now() - started;
            this.options.debug?.(`${req.label}: attempt ${n} failed: ${describe(outcome)}`);
            const fail = (gaveUp) => this.failure(req, outcome, n, elapsedMs, gaveUp);
            if (!outcome.retryable) {
                // Not worth sending again, yet it may have taken effect (a 2xx whose body could not be
                // read): the caller learns of what it made rather than of a failure.
                const recovered = recover !== undefined && outcome.uncertain ? await this.tryRecover(recover, fail) : undefined;
                if (recovered !== undefined)
                    return recovered;
                throw fail();
            }
            const decision = decideRetry({
                attempt: n,
                policy,
                remainingMs: deadline.remainingMs(),
                ...(outcome.retryAfterMs !== undefined && { retryAfterMs: outcome.retryAfterMs }),
                ...(this.options.random !== undefined && { random: this.options.random })
            });
            if (decision.retry) {
                this.options.info?.(`${requestName(req.service, req.label)}: ${describe(outcome)}; retrying in ${formatSeconds(decision.delayMs)} (attempt ${n + 1} of ${policy.maxAttempts}).`);
                await this.sleep(decision.delayMs);
            }
            // Asked after the wait, not before: a create still being saved behind a 5xx has had time to show.
            if (recover !== undefined && outcome.uncertain) {
                const recovered = await this.tryRecover(recover, fail);
                if (recovered !== undefined)
                    return recovered;
            }
            if (!decision.retry)
                throw fail(decision.reason);
        }
    }
    /** One attempt under the time left; a timeout ends the whole request. */
    async once(req, n, mayTakeEffect) {
        const { deadline, policy } = this.options;
        const remaining = deadline.remainingMs();
        const timeout = () => new TimeoutError(deadline.totalMs, requestName(req.service, req.label), n, policy.maxAttempts, mayTakeEffect ? 'It may have taken effect even so.' : undefined, deadline.budget);
        if (remaining <= 0)
            throw timeout();
        this.throwIfCancelled();
        const url = new URL(req.url);
        const headers = { accept: 'application/json', 'user-agent': this.options.userAgent, ...req.headers };
        const wire = { method: req.method, url, headers, ...(req.body !== undefined && { body: req.body }) };
        const exchange = await attempt(this.pool.agentFor(url), wire, remaining, this.options.maxBodyBytes ?? MAX_BODY_BYTES, this.options.signal);
        if (exchange.kind === 'expired')
            throw timeout();
        this.throwIfCancelled();
        return classify(exchange, req, this.clock.now(), this.options.redact ?? ((text) => text));
    }
    /** A backoff wait that a cancellation cuts short. */
    async sleep(ms) {
        const { signal } = this.options;
        if (signal === undefined)
            return this.clock.sleep(ms);
        await new Promise((resolve) => {
            const done = () => {
                signal.removeEventListener('abort', done);
                resolve();
            };
            signal.addEventListener('abort', done, { once: true });
            void this.clock.sleep(ms).then(done);
        });
        this.throwIfCancelled();
    }
    throwIfCancelled() {
        if (this.options.signal?.aborted === true)
            throw new CancelledError();
    }
    async tryRecover(recover, fail) {
        try {
            return await recover();
        }
        catch (error) {
            // Without knowing whether the first attempt took effect, sending again could duplicate it.
            throw fail(`could not check whether the request took effect (${errorMessage(error)})`);
        }
    }
    failure(req, outcome, attempts, elapsedMs, gaveUp) {
        return new ApiError({
            service: req.service,
            label: req.label,
            attempts,
            elapsedMs,
            ...(outcome.status !== undefined && { status: outcome.status }),
            ...(outcome.adobe !== undefined && { adobe: outcome.adobe }),
            ...(outcome.networkError !== undefined && { networkError: outcome.networkError }),
            ...(gaveUp !== undefined && { gaveUp }),
            ...(this.options.hints !== undefined && { hints: this.options.hints })
        });
    }
}
/** One line for the log; every part that came from the server goes through oneLine. */
function describe(f) {
    const networkError = f.networkError !== undefined ? oneLine(f.networkError) : undefined;
    if (f.status === undefined)
        return `network error: ${networkError ?? 'no answer'}`;
    const code = f.adobe?.code !== undefined ? ` ${oneLine(f.adobe.code, 60)}` : '';
    return `HTTP ${f.status}${code}${networkError !== undefined ? ` (${networkError})` : ''}`;
}
function isRecovered(value) {
    return 'recovered' in value;
}

;// CONCATENATED MODULE: ./src/platform/runtime.ts
// What every action's main does around its own story: masks secrets before anything else,
// logs through redaction on one line, opens the session (transport, warm connections, token)
// and turns any error into one failure message.








/** Longest log line: far above any message of ours, short enough to stay readable. */
const MAX_LINE = 4000;
function createRuntime() {
    const secrets = new Secrets(core/* setSecret */.Pq);
    const line = (message) => oneLine(secrets.redact(message), MAX_LINE);
    return {
        secrets,
        info: (message) => core/* info */.pq(line(message)),
        debug: (message) => core/* debug */.Yz(line(message)),
        warning: (message) => core/* warning */.$e(line(message))
    };
}
/** Reads inputs from the runner, every secret one masked before validation can run. */
function runnerInputs(rt, secretInputs) {
    for (const name of secretInputs)
        rt.secrets.add(core/* getInput */.V4(name));
    // Untrimmed: the reader trims, except where a space or a tab is the value (a delimiter).
    return (name) => core/* getInput */.V4(name, { trimWhitespace: false });
}
/** Time kept back from the work for clean-up: min(5 s, a fifth of timeout-seconds). */
function cleanupReserveMs(totalMs) {
    return Math.min(5000, totalMs / 5);
}
/** Opens the session: one transport, warm connections, and the one access token of the run. */
async function connect(session, rt, options) {
    // timeout-seconds bounds the requests of the work; a wait has its own deadline (waiting()).
    const deadline = new Deadline(session.timeoutSeconds * 1000);
    const cancel = onCancel(rt, options.makesThings);
    const transport = new Transport({
        signal: cancel.signal,
        userAgent: options.userAgent,
        policy: { ...DEFAULT_RETRY_POLICY, maxAttempts: session.maxAttempts },
        deadline: options.makesThings ? deadline.withReserve(cleanupReserveMs(deadline.totalMs)) : deadline,
        redact: (text) => rt.secrets.redact(text),
        ...(options.hints !== undefined && { hints: options.hints }),
        info: rt.info,
        debug: rt.debug
    });
    const close = () => {
        cancel.dispose();
        transport.close();
    };
    try {
        // The services' handshakes overlap the IMS request.
        const ims = session.credentials.kind === 'client-secret' ? [session.imsUrl] : [];
        transport.warmUp(...options.warm.map((service) => options.baseUrls[service]), ...ims);
        const token = session.credentials.kind === 'access-token'
            ? session.credentials.accessToken
            : await fetchAccessToken(transport, { imsUrl: session.imsUrl, clientId: session.clientId, clientSecret: session.credentials.clientSecret, scopes: session.scopes }, rt.secrets);
        const target = {
            clientId: session.clientId,
            imsOrgId: session.imsOrgId,
            sandboxName: session.sandboxName,
            baseUrls: options.baseUrls
        };
        const api = new PlatformApi(transport, target, token);
        const { wait } = options;
        const waiting = () => wait === undefined || wait.seconds === 0 ? api : api.over(transport.until(waitDeadline(session.timeoutSeconds, wait, deadline)));
        return { api, cleanup: api.over(transport.under(deadline)), waiting, close };
    }
    catch (error) {
        close();
        throw error;
    }
}
/** What the work's deadline has left, and the wait on top, from now: the step never runs past timeout-seconds + the wait. */
function waitDeadline(timeoutSeconds, wait, work) {
    const totalMs = (timeoutSeconds + wait.seconds) * 1000;
    return new Deadline(totalMs, systemClock, systemClock.now() + work.remainingMs() + wait.seconds * 1000, `timeout-seconds + ${wait.input}`);
}
/**
 * When the runner cancels the job (or the job's timeout-minutes ends), it sends SIGINT, then
 * SIGTERM some seconds later, then kills. The signal aborts the work; the clean-up that follows
 * (deleting what the run made) runs on, and the step then ends as failed.
 */
function onCancel(rt, makesThings) {
    const controller = new AbortController();
    const handler = (signal) => {
        rt.warning(`Received ${signal}: stopping${makesThings ? ', and deleting what this run made' : ''}.`);
        controller.abort();
    };
    process.on('SIGINT', handler);
    process.on('SIGTERM', handler);
    return {
        signal: controller.signal,
        dispose: () => {
            process.off('SIGINT', handler);
            process.off('SIGTERM', handler);
        }
    };
}
/** The step's one failure: its message redacted, the stack for debug logs only. */
function failStep(rt, error) {
    const message = rt.secrets.redact(errorMessage(error));
    const stack = errorStack(error);
    if (stack !== undefined)
        core/* debug */.Yz(oneLine(rt.secrets.redact(stack), MAX_LINE));
    core/* setFailed */.C1(message);
    return message;
}
function setOutputs(outputs) {
    for (const [name, value] of Object.entries(outputs))
        core/* setOutput */.uH(name, value);
}

;// CONCATENATED MODULE: ./src/platform/paging.ts
// Walking a paged listing, bounded: by pages and items (an endless listing ends with a clear
// error instead of exhausting memory), by the step's deadline (every page is a request under
// it), and by its own continuations (one seen before is a loop). Items are de-duplicated by key.


/** 100 pages of 100: far more same-named objects than any sandbox holds. */
const DEFAULT_PAGE_LIMITS = { maxPages: 100, maxItems: 10_000 };
async function listAll(fetchPage, key, listing, limits = DEFAULT_PAGE_LIMITS) {
    const found = new Map();
    const seen = new Set();
    let seenItems = 0;
    let next;
    for (let page = 1;; page++) {
        const { items, next: following } = await fetchPage(next);
        seenItems += items.length;
        for (const item of items)
            if (!found.has(key(item)))
                found.set(key(item), item);
        if (following === undefined)
            return [...found.values()];
        const mark = following.kind === 'token' ? `t:${following.raw}` : `h:${following.href}`;
        if (seen.has(mark))
            throw bad(listing, `page ${page} pointed back to a page already read (a continuation loop); stopped`);
        if (page >= limits.maxPages || seenItems >= limits.maxItems) {
            throw bad(listing, `the listing did not end within ${limits.maxPages} pages or ${limits.maxItems} items (${seenItems} read); stopped`);
        }
        seen.add(mark);
        next = following;
    }
}
/** The next page of a Flow Service listing answer, if any. */
function continuationOf(list) {
    const links = list._links;
    const href = isObject(links) && isObject(links.next) ? links.next.href : undefined;
    if (typeof href === 'string' && href !== '') {
        const raw = rawQueryValue(href, 'continuationToken');
        if (raw !== undefined && raw !== '')
            return { kind: 'token', raw };
    }
    if (typeof list.continuationToken === 'string' && list.continuationToken !== '') {
        return { kind: 'token', raw: encodeURIComponent(list.continuationToken) };
    }
    return typeof href === 'string' && href !== '' ? { kind: 'href', href } : undefined;
}
/** A query parameter's value exactly as written in the URL: no decoding, so '+' stays '+'. */
function rawQueryValue(url, name) {
    const query = url.slice(url.indexOf('?') + 1).split('#')[0] ?? '';
    if (!url.includes('?'))
        return undefined;
    for (const pair of query.split('&')) {
        const eq = pair.indexOf('=');
        if (eq !== -1 && pair.slice(0, eq) === name)
            return pair.slice(eq + 1);
    }
    return undefined;
}
/**
 * The URL of the next page. A token joins the caller's own query (its filters and page size);
 * an href is resolved against the service's base URL and must stay on its origin: a bearer token
 * is never sent to a host the inputs did not name.
 */
function nextPagePath(query, next, baseUrl, listing) {
    if (next.kind === 'token')
        return `${query}&continuationToken=${encodeUnsafe(next.raw)}`;
    const base = new URL(baseUrl);
    const resolved = next.href.startsWith('/') && !next.href.startsWith('//') ? new URL(`${base.href}${next.href}`) : new URL(next.href, `${base.href}/`);
    if (resolved.origin !== base.origin || !resolved.pathname.startsWith(base.pathname)) {
        throw bad(listing, 'the next page link points outside the service; not followed');
    }
    return `${resolved.pathname.slice(base.pathname.length)}${resolved.search}`;
}
/** The Call for the page after `first`'s: the same filters and size, the next continuation. */
function followPage(first, next, baseUrl) {
    return next === undefined ? first : { ...first, path: nextPagePath(first.path, next, baseUrl, first) };
}
/** Keeps a raw token as written, except characters that cannot stand in a URL at all. */
function encodeUnsafe(raw) {
    return raw.replace(/[^A-Za-z0-9\-._~!$'()*+,;=:@/?%]/g, (c) => encodeURIComponent(c));
}
function bad(listing, problem) {
    return new UnexpectedResponseError(listing.service, listing.label, problem);
}

;// CONCATENATED MODULE: ./src/platform/server-values.ts
// Values a server hands back that the actions reuse: in a later request's path or header, or as
// a step output that later jobs receive. Each is checked against the shape Adobe issues before
// it is used; anything else stops the step with an error naming the field, never an output.


// Adobe's ids: UUIDs (connections, flows, runs), 24 hex digits (Catalog datasets) or 32 hex
// digits (Data Prep mapping sets), in either case.
const ID = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{24}|[0-9a-f]{32})$/i;
// An entity tag (RFC 9110): optionally weak, quoted, printable ASCII without quotes or spaces.
// Adobe's look like "1700d77b-0000-0200-0000-5e3b41a10000"; 128 characters is ample.
const ETAG = /^(?:W\/)?"[\x21\x23-\x7e]{1,128}"$/;
function isId(value) {
    return typeof value === 'string' && ID.test(value);
}
/** Adobe's ids are hex, and may come back in either case: the same id, whatever the case. */
function sameId(a, b) {
    return a.toLowerCase() === b.toLowerCase();
}
function isEtag(value) {
    return typeof value === 'string' && ETAG.test(value);
}
/** The id in `field`, or an error naming the field; never a value that could break a path or an output. */
function readId(value, field, origin) {
    if (isId(value))
        return value;
    throw badValue(value, field, 'an id (a UUID, or 24 or 32 hex digits)', origin);
}
function readEtag(value, field, origin) {
    if (isEtag(value))
        return value;
    throw badValue(value, field, 'an etag (a short quoted token)', origin);
}
function badValue(value, field, expected, origin) {
    const got = value === undefined ? 'nothing' : typeof value === 'string' ? quoted(value, 80) : `a ${typeof value}`;
    return new UnexpectedResponseError(origin.service, origin.label, `"${field}" is not ${expected}: got ${got}`);
}

;// CONCATENATED MODULE: ./src/dataflow/mapping.ts
// The mapping input: a JSON array or a CSV file of {source, destination, sourceType?}, read and
// checked locally before any write (every problem named at once), and compared with what Data
// Prep returns once normalised.


class MappingError extends Error {
    problems;
    constructor(file, problems) {
        super(`The mapping in ${quoted(file)} is not valid:\n${problems.map((p) => `- ${p}`).join('\n')}`);
        this.problems = problems;
        this.name = 'MappingError';
    }
}
const SOURCE_TYPES = ['ATTRIBUTE', 'EXPRESSION', 'STATIC'];
/** Longest mapping file read: far more than any set of mappings. */
const MAX_MAPPING_BYTES = 1024 * 1024;
/** Parses and checks a mapping file; `format` tells whether a '.' in a source is a column's own. */
function parseMapping(text, file, format) {
    const raw = /\.csv$/i.test(file) ? fromCsv(text) : fromJson(text);
    if (typeof raw === 'string')
        throw new MappingError(file, [raw]);
    const problems = [];
    const mappings = [];
    const seen = new Map();
    raw.forEach((entry, index) => {
        const at = `entry ${index + 1}`;
        const source = typeof entry.source === 'string' ? entry.source.trim() : '';
        const destination = typeof entry.destination === 'string' ? entry.destination.trim() : '';
        const sourceType = (typeof entry.sourceType === 'string' && entry.sourceType.trim() !== '' ? entry.sourceType.trim() : 'ATTRIBUTE').toUpperCase();
        if (source === '')
            problems.push(`${at}${destination !== '' ? ` (destination ${quoted(destination)})` : ''}: no source`);
        if (destination === '')
            problems.push(`${at}${source !== '' ? ` (source ${quoted(source)})` : ''}: no destination`);
        const known = SOURCE_TYPES.find((t) => t === sourceType);
        if (known === undefined)
            problems.push(`${at}: sourceType ${quoted(sourceType)} is not ATTRIBUTE, EXPRESSION or STATIC`);
        const first = seen.get(destination);
        if (destination !== '' && first !== undefined)
            problems.push(`${at}: destination ${quoted(destination)} is mapped already by entry ${first}`);
        if (destination !== '' && first === undefined)
            seen.set(destination, index + 1);
        if (source !== '' && destination !== '' && known !== undefined) {
            mappings.push({
                sourceType: known,
                source: known === 'ATTRIBUTE' && format === 'delimited' ? escapeDots(source) : source,
                destination
            });
        }
    });
    if (raw.length === 0)
        problems.push('it holds no mapping');
    if (problems.length > 0)
        throw new MappingError(file, problems);
    return mappings;
}
/** In a delimited file a column is flat: a '.' in its name is the name's own, escaped with '\' for Data Prep. */
function escapeDots(source) {
    return source.replace(/(?<!\\)\./g, '\\.');
}
function fromJson(text) {
    let json;
    try {
        json = JSON.parse(text);
    }
    catch (error) {
        return `it is not valid JSON (${error instanceof Error ? error.message : String(error)})`;
    }
    if (!Array.isArray(json))
        return 'it must be a JSON array of {source, destination, sourceType?}';
    return json.map((value) => isObject(value) ? { source: value.source, destination: value.destination, sourceType: value.sourceType } : {});
}
function fromCsv(text) {
    const rows = parseCsv(text).filter((row) => row.some((cell) => cell.trim() !== ''));
    const [header, ...body] = rows;
    const names = (header ?? []).map((h) => h.trim().toLowerCase());
    const column = (name) => names.indexOf(name.toLowerCase());
    if (column('source') === -1 || column('destination') === -1)
        return 'a CSV mapping needs a header row with source and destination columns (and sourceType, optionally)';
    return body.map((row) => ({
        source: row[column('source')],
        destination: row[column('destination')],
        sourceType: column('sourceType') === -1 ? undefined : row[column('sourceType')]
    }));
}
/** RFC 4180: comma-separated, double quotes around a field that holds commas, quotes or line breaks. */
function parseCsv(text) {
    const rows = [];
    let row = [];
    let field = '';
    let quotedField = false;
    for (let i = 0; i < text.length; i++) {
        const c = text.charAt(i);
        if (quotedField) {
            if (c === '"' && text.charAt(i + 1) === '"') {
                field += '"';
                i++;
            }
            else if (c === '"')
                quotedField = false;
            else
                field += c;
        }
        else if (c === '"')
            quotedField = true;
        else if (c === ',') {
            row.push(field);
            field = '';
        }
        else if (c === '\n' || c === '\r') {
            if (c === '\r' && text.charAt(i + 1) === '\n')
                i++;
            row.push(field);
            rows.push(row);
            row = [];
            field = '';
        }
        else
            field += c;
    }
    if (field !== '' || row.length > 0)
        rows.push([...row, field]);
    return rows;
}
// How Data Prep writes source types back (ATTRIBUTE and EXPRESSION as the docs show; STATIC as
// 'text/plain' is an assumption, so every unknown form is kept as written and compared as such).
const SERVICE_SOURCE_TYPES = {
    'text/x.schema-path': 'ATTRIBUTE',
    'text/x.aep-xl': 'EXPRESSION',
    'text/plain': 'STATIC',
    ATTRIBUTE: 'ATTRIBUTE',
    EXPRESSION: 'EXPRESSION',
    STATIC: 'STATIC'
};
/** The mappings of a mapping set as Data Prep returns them, in the inputs' terms; unreadable ones are kept as they are. */
function readServiceMappings(value) {
    if (!Array.isArray(value))
        return [];
    return value.flatMap((m) => {
        if (!isObject(m) || typeof m.source !== 'string' || typeof m.destination !== 'string')
            return [];
        const raw = typeof m.sourceType === 'string' ? m.sourceType : 'ATTRIBUTE';
        return [{ sourceType: SERVICE_SOURCE_TYPES[raw] ?? raw, source: m.source, destination: m.destination }];
    });
}
/** Whether two sets of mappings map the same destinations from the same sources, in any order. */
function sameMappings(a, b) {
    const key = (m) => JSON.stringify([m.destination, m.sourceType, m.source]);
    const left = a.map(key).sort();
    const right = b.map(key).sort();
    return left.length === right.length && left.every((k, i) => k === right[i]);
}

;// CONCATENATED MODULE: ./src/dataflow/requests.ts
// Every request the dataflow action sends, as pure descriptions (Calls) shared by the real run,
// the plan and the dry run; and the bodies of what it creates.
/** CloudStorageToAEP: cloud storage sources into the Data Lake. */
const FLOW_SPEC = { id: '9753525b-82c7-4dce-8a9b-5ccfce2b9876', version: '1.0' };
const SOURCE_SPEC = { id: 'ecadc60c-7455-4d87-84dc-2a0e293d997b', version: '1.0' };
/** The Data Lake target. */
const TARGET_SPEC = { id: 'c604ff05-7f1a-43c0-8e18-33bf874cb11c', version: '1.0' };
/** Always this string, whatever the dataset's own contentType says (Adobe's advice). */
const SCHEMA_VERSION = 'application/vnd.adobe.xed-full+json;version=1';
const PAGE_LIMIT = 100;
const FLOW = 'Flow Service';
const id = (value) => encodeURIComponent(value);
// ---- reads ------------------------------------------------------------------------------------
function datasetCall(datasetId) {
    return { service: 'Catalog', method: 'GET', path: `/dataSets/${id(datasetId)}?properties=schemaRef,name`, label: 'GET /dataSets/{id}' };
}
/** The dataflows named so, of the CloudStorageToAEP spec (a comma in the name is matched on the client only). */
function flowLookupCall(name) {
    const filters = [...(name.includes(',') ? [] : [`property=name==${encodeURIComponent(name)}`]), `property=flowSpec.id==${FLOW_SPEC.id}`];
    return { service: FLOW, method: 'GET', path: `/flows?${[...filters, `limit=${PAGE_LIMIT}`].join('&')}`, label: 'GET /flows' };
}
function getFlowCall(flowId) {
    return { service: FLOW, method: 'GET', path: `/flows/${id(flowId)}`, label: 'GET /flows/{id}', accept: [404] };
}
function getSourceCall(sourceId) {
    return { service: FLOW, method: 'GET', path: `/sourceConnections/${id(sourceId)}`, label: 'GET /sourceConnections/{id}' };
}
function getTargetCall(targetId) {
    return { service: FLOW, method: 'GET', path: `/targetConnections/${id(targetId)}`, label: 'GET /targetConnections/{id}' };
}
function getMappingCall(mappingId, version) {
    return {
        service: 'Data Prep',
        method: 'GET',
        path: `/mappingSets/${id(mappingId)}${version !== undefined ? `?version=${version}` : ''}`,
        label: 'GET /mappingSets/{id}'
    };
}
/** Source connections of this name on this base connection: where a create whose answer was lost is looked for. */
function sourceLookupCall(name, baseConnectionId) {
    return {
        service: FLOW,
        method: 'GET',
        path: `/sourceConnections?property=name==${encodeURIComponent(name)}&property=baseConnectionId==${id(baseConnectionId)}&limit=${PAGE_LIMIT}`,
        label: 'GET /sourceConnections'
    };
}
function targetLookupCall(name, datasetId) {
    return {
        service: FLOW,
        method: 'GET',
        path: `/targetConnections?property=name==${encodeURIComponent(name)}&property=params.dataSetId==${id(datasetId)}&limit=${PAGE_LIMIT}`,
        label: 'GET /targetConnections'
    };
}
function runsCall(flowId) {
    return { service: FLOW, method: 'GET', path: `/runs?property=flowId==${id(flowId)}&limit=${PAGE_LIMIT}`, label: 'GET /runs' };
}
// ---- writes -----------------------------------------------------------------------------------
function validateMappingCall(body) {
    return { service: 'Data Prep', method: 'POST', path: '/mappingSets/validate', label: 'POST /mappingSets/validate', body, accept: [400] };
}
function createMappingCall(body) {
    return { service: 'Data Prep', method: 'POST', path: '/mappingSets', label: 'POST /mappingSets', body };
}
/** A new version of the mapping set (Data Prep has no If-Match on PUT). */
function putMappingCall(mappingId, body) {
    return { service: 'Data Prep', method: 'PUT', path: `/mappingSets/${id(mappingId)}`, label: 'PUT /mappingSets/{id}', body };
}
function createSourceCall(body) {
    return { service: FLOW, method: 'POST', path: '/sourceConnections', label: 'POST /sourceConnections', body };
}
function createTargetCall(body) {
    return { service: FLOW, method: 'POST', path: '/targetConnections', label: 'POST /targetConnections', body };
}
function createFlowCall(body) {
    return { service: FLOW, method: 'POST', path: '/flows', label: 'POST /flows', body };
}
/** A PATCH guarded by the etag; 412 is the update logic's (read again, retry once). */
function patchFlowCall(flowId, etag, operations) {
    return {
        service: FLOW,
        method: 'PATCH',
        path: `/flows/${id(flowId)}`,
        label: 'PATCH /flows/{id}',
        body: operations,
        ifMatch: etag,
        accept: [412]
    };
}
function flowActionCall(flowId, op) {
    return { service: FLOW, method: 'POST', path: `/flows/${id(flowId)}/action?op=${op}`, label: 'POST /flows/{id}/action' };
}
function deleteFlowCall(flowId) {
    return { service: FLOW, method: 'DELETE', path: `/flows/${id(flowId)}`, label: 'DELETE /flows/{id}', accept: [404] };
}
function deleteSourceCall(sourceId) {
    return {
        service: FLOW,
        method: 'DELETE',
        path: `/sourceConnections/${id(sourceId)}`,
        label: 'DELETE /sourceConnections/{id}',
        accept: [404]
    };
}
function deleteTargetCall(targetId) {
    return {
        service: FLOW,
        method: 'DELETE',
        path: `/targetConnections/${id(targetId)}`,
        label: 'DELETE /targetConnections/{id}',
        accept: [404]
    };
}
function mappingSetBody(schemaId, mappings) {
    return {
        outputSchema: { schemaRef: { id: schemaId, contentType: SCHEMA_VERSION } },
        mappings: mappings.map((m) => ({ sourceType: m.sourceType, source: m.source, destination: m.destination }))
    };
}
function sourceBody(source, baseConnectionId, name, description) {
    return {
        name,
        description,
        baseConnectionId,
        data: { format: source.format, ...(Object.keys(fileProperties(source)).length > 0 && { properties: fileProperties(source) }) },
        params: { path: source.path, type: pathType(source.path), recursive: source.recursive },
        connectionSpec: { ...SOURCE_SPEC }
    };
}
/** The file properties a source connection carries: only those that apply to its format. */
function fileProperties(source) {
    return {
        ...(source.columnDelimiter !== undefined && { columnDelimiter: source.columnDelimiter }),
        ...(source.encoding !== undefined && { encoding: source.encoding }),
        ...(source.compressionType !== undefined && { compressionType: source.compressionType })
    };
}
/** A path ending in '/' is a folder; anything else (a file, or a wildcard on files) reads files. */
function pathType(path) {
    return path.endsWith('/') ? 'folder' : 'file';
}
function targetBody(datasetId, schemaId, name, description) {
    return {
        name,
        description,
        data: { schema: { id: schemaId, version: SCHEMA_VERSION } },
        params: { dataSetId: datasetId },
        connectionSpec: { ...TARGET_SPEC }
    };
}
function flowBody(config, description, ids, schedule) {
    const options = optionsOf(config);
    return {
        name: config.name,
        description,
        flowSpec: { ...FLOW_SPEC },
        sourceConnectionIds: [ids.source],
        targetConnectionIds: [ids.target],
        transformations: ids.mapping === undefined ? [] : [mappingTransformation(ids.mapping)],
        scheduleParams: {
            startTime: schedule.startTime,
            frequency: schedule.frequency,
            ...(schedule.interval !== undefined && { interval: schedule.interval }),
            ...(schedule.backfill !== undefined && { backfill: schedule.backfill })
        },
        ...(Object.keys(options).length > 0 && { options })
    };
}
function mappingTransformation(mapping) {
    return { name: 'Mapping', params: { mappingId: mapping.id, mappingVersion: String(mapping.version) } };
}
/** The options the inputs ask for: partial ingestion when a threshold is given, diagnostics when on. */
function optionsOf(config) {
    return {
        ...(config.partialIngestionPercent !== undefined && { partialIngestionPercent: config.partialIngestionPercent }),
        ...(config.errorDiagnostics && { errorDiagnosticsEnabled: true })
    };
}
/** Names of the objects made for a dataflow: a person in the Platform UI sees what belongs together. */
function partNames(dataflowName) {
    return { source: `${dataflowName}: source`, target: `${dataflowName}: target` };
}

;// CONCATENATED MODULE: ./src/dataflow/client.ts
// The routes of the dataflow's parts, typed: Catalog (the dataset's schema), Data Prep (mapping
// sets) and Flow Service (source and target connections, dataflows, runs). Every answer is
// checked before use; values may come back as strings where the docs show numbers.







const FREQUENCIES = ['once', 'minute', 'hour', 'day', 'week'];
/** Adobe's "the flow is busy" codes: retried with backoff, up to this many times. */
const BUSY = new Set(['FLOW-1420-400', 'FLOW-1421-400']);
const BUSY_ATTEMPTS = 6;
class DataflowClient {
    api;
    clock;
    constructor(api, clock) {
        this.api = api;
        this.clock = clock;
    }
    over(api) {
        return new DataflowClient(api, this.clock);
    }
    async dataset(datasetId) {
        const call = datasetCall(datasetId);
        const body = object(await this.api.send(call), call);
        // Catalog answers an object keyed by the dataset id.
        const entry = body[datasetId] ?? Object.values(body)[0];
        if (!isObject(entry) || !isObject(entry.schemaRef))
            throw unexpected(call, `no "schemaRef" for dataset ${datasetId}`);
        return {
            id: datasetId,
            name: typeof entry.name === 'string' ? entry.name : datasetId,
            schemaId: readSchemaId(entry.schemaRef.id, call)
        };
    }
    /** Every dataflow with exactly this name and the CloudStorageToAEP spec, across all pages. */
    findFlows(name) {
        return this.list(flowLookupCall(name), (value, call) => {
            if (!isObject(value) || value.name !== name || !isObject(value.flowSpec) || value.flowSpec.id !== FLOW_SPEC.id)
                return undefined;
            return readFlow(value, call);
        });
    }
    /** The dataflow, or undefined once it is gone (404, or a listing without it). */
    async getFlow(flowId) {
        const call = getFlowCall(flowId);
        const res = await this.api.send(call);
        if (res.status === 404)
            return undefined;
        const item = firstItem(res, call);
        return item === undefined ? undefined : readFlow(item, call);
    }
    async getSource(sourceId) {
        const call = getSourceCall(sourceId);
        const item = firstItem(await this.api.send(call), call);
        if (item === undefined)
            throw unexpected(call, 'no source connection in "items"');
        return readSource(item, call);
    }
    async getTarget(targetId) {
        const call = getTargetCall(targetId);
        const item = firstItem(await this.api.send(call), call);
        if (item === undefined)
            throw unexpected(call, 'no target connection in "items"');
        const data = isObject(item.data) ? item.data : {};
        const schema = isObject(data.schema) ? data.schema : {};
        const params = isObject(item.params) ? item.params : {};
        return { id: readId(item.id, 'id', origin(call)), datasetId: client_str(params.dataSetId), schemaId: client_str(schema.id) };
    }
    async getMapping(mappingId, version) {
        const call = getMappingCall(mappingId, version);
        const body = object(await this.api.send(call), call);
        return {
            id: readId(body.id ?? mappingId, 'id', origin(call)),
            version: readVersion(body.version ?? version, call),
            mappings: readServiceMappings(body.mappings)
        };
    }
    /** Data Prep's verdict on a mapping set: every failing mapping, named by its source and destination. */
    async validate(body) {
        const call = validateMappingCall(body);
        const res = await this.api.send(call);
        const json = res.json;
        const entries = isObject(json) && Array.isArray(json.validationResponse) ? json.validationResponse : [];
        const problems = entries.flatMap((entry) => {
            if (!isObject(entry))
                return [];
            const errors = Array.isArray(entry.errors) ? entry.errors : [];
            const failed = typeof entry.status === 'string' && entry.status.toUpperCase() === 'FAILED';
            return errors
                .filter(isObject)
                .map((e) => problemOf(e))
                .concat(failed && errors.length === 0 ? [{ message: 'failed, without details' }] : []);
        });
        if (res.status === 400 && problems.length === 0)
            problems.push({ message: errorText(json) ?? 'Data Prep refused the mapping set (HTTP 400)' });
        return problems;
    }
    async createMapping(body) {
        const call = createMappingCall(body);
        const json = object(await this.api.send(call), call);
        return { id: readId(json.id, 'id', origin(call)), version: readVersion(json.version ?? 0, call) };
    }
    async putMapping(mappingId, body) {
        const call = putMappingCall(mappingId, body);
        const json = object(await this.api.send(call), call);
        return { id: readId(json.id ?? mappingId, 'id', origin(call)), version: readVersion(json.version, call) };
    }
    createSource(body, recover) {
        return this.create(createSourceCall(body), recover);
    }
    createTarget(body, recover) {
        return this.create(createTargetCall(body), recover);
    }
    createFlow(body, recover) {
        return this.create(createFlowCall(body), recover);
    }
    /** Ids of the source connections of this name on this base connection (where a lost create is looked for). */
    async findSources(name, baseConnectionId) {
        return this.list(sourceLookupCall(name, baseConnectionId), (value, call) => isObject(value) && value.name === name ? { id: readId(value.id, 'id', origin(call)), ...createdAtOf(value) } : undefined);
    }
    async findTargets(name, datasetId) {
        return this.list(targetLookupCall(name, datasetId), (value, call) => isObject(value) && value.name === name ? { id: readId(value.id, 'id', origin(call)), ...createdAtOf(value) } : undefined);
    }
    /** A PATCH with If-Match; 'stale' on 412; a busy flow (1420/1421) is asked again with backoff. */
    async patchFlow(flowId, etag, operations) {
        const call = patchFlowCall(flowId, etag, operations);
        const res = await this.whenNotBusy(() => this.api.send(call));
        return res.status === 412 ? 'stale' : written(res, call);
    }
    async setEnabled(flowId, enabled) {
        const call = flowActionCall(flowId, enabled ? 'enable' : 'disable');
        return written(await this.whenNotBusy(() => this.api.send(call)), call);
    }
    /** Deletes the dataflow and waits for the deletion to finish (a 404), so that what it used can go next. */
    async deleteFlow(flowId) {
        await this.whenNotBusy(() => this.api.send(deleteFlowCall(flowId)));
        for (let look = 1;; look++) {
            if ((await this.getFlow(flowId)) === undefined)
                return;
            const wait = Math.min(500 * 2 ** (look - 1), 5000);
            if (this.api.remainingMs() < wait + 1000)
                throw new UnexpectedResponseError('Flow Service', 'DELETE /flows/{id}', `dataflow ${flowId} was still being deleted when time ran out`);
            await this.clock.sleep(wait);
        }
    }
    async deleteSource(sourceId) {
        await this.api.send(deleteSourceCall(sourceId));
    }
    async deleteTarget(targetId) {
        await this.api.send(deleteTargetCall(targetId));
    }
    async runs(flowId) {
        return this.list(runsCall(flowId), (value, call) => (isObject(value) ? readRun(value, call) : undefined));
    }
    async create(call, recover) {
        const res = await this.api.sendOrRecover(call, recover);
        if (isRecovered(res))
            return { kind: 'adopted', id: res.recovered };
        const body = object(res, call);
        return { kind: 'created', id: readId(body.id, 'id', origin(call)), ...(isEtag(body.etag) && { etag: body.etag }) };
    }
    async whenNotBusy(send) {
        for (let attempt = 1;; attempt++) {
            try {
                return await send();
            }
            catch (error) {
                const busy = error instanceof ApiError && error.code !== undefined && BUSY.has(error.code);
                const wait = Math.min(1000 * 2 ** (attempt - 1), 15_000);
                if (!busy || attempt >= BUSY_ATTEMPTS || this.api.remainingMs() < wait + 1000)
                    throw error;
                await this.clock.sleep(wait);
            }
        }
    }
    list(first, read) {
        const baseUrl = this.api.target.baseUrls[first.service];
        const page = async (next) => {
            const res = await this.api.send(followPage(first, next, baseUrl));
            const list = isObject(res.json) ? res.json : undefined;
            if (list === undefined || !Array.isArray(list.items))
                throw unexpected(first, 'no "items" array');
            const items = list.items.flatMap((value) => {
                const item = read(value, first);
                return item === undefined ? [] : [item];
            });
            const following = continuationOf(list);
            return following === undefined ? { items } : { items, next: following };
        };
        return listAll(page, (item) => item.id.toLowerCase(), { service: first.service, label: first.label });
    }
}
// ---- readers ----------------------------------------------------------------------------------
function readFlow(item, call) {
    const o = origin(call);
    const schedule = isObject(item.scheduleParams) ? item.scheduleParams : {};
    const options = isObject(item.options) ? item.options : {};
    const transformations = Array.isArray(item.transformations) ? item.transformations : [];
    const index = transformations.findIndex((t) => isObject(t) && t.name === 'Mapping');
    const mapping = transformations[index];
    const params = isObject(mapping) && isObject(mapping.params) ? mapping.params : undefined;
    const frequency = FREQUENCIES.find((f) => f === schedule.frequency);
    const interval = numberOf(schedule.interval);
    const startTime = numberOf(schedule.startTime);
    const backfill = booleanOf(schedule.backfill);
    const partial = numberOf(options.partialIngestionPercent);
    const diagnostics = booleanOf(options.errorDiagnosticsEnabled);
    return {
        id: readId(item.id, 'id', o),
        etag: readEtag(item.etag, 'etag', o),
        name: client_str(item.name),
        ...(typeof item.description === 'string' && { description: item.description }),
        state: client_str(item.state),
        ...(firstId(item.sourceConnectionIds) !== undefined && { sourceConnectionId: firstId(item.sourceConnectionIds) }),
        ...(firstId(item.targetConnectionIds) !== undefined && { targetConnectionId: firstId(item.targetConnectionIds) }),
        ...(params !== undefined &&
            isId(params.mappingId) && { mapping: { index, id: params.mappingId, version: readVersion(params.mappingVersion ?? 0, call) } }),
        schedule: {
            ...(frequency !== undefined && { frequency }),
            ...(interval !== undefined && { interval }),
            ...(startTime !== undefined && { startTime }),
            ...(backfill !== undefined && { backfill })
        },
        options: {
            ...(partial !== undefined && { partialIngestionPercent: partial }),
            ...(diagnostics !== undefined && { errorDiagnosticsEnabled: diagnostics })
        },
        ...createdAtOf(item)
    };
}
function readSource(item, call) {
    const data = isObject(item.data) ? item.data : {};
    const params = isObject(item.params) ? item.params : {};
    const properties = isObject(data.properties)
        ? Object.fromEntries(Object.entries(data.properties).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : [])))
        : {};
    return {
        id: readId(item.id, 'id', origin(call)),
        baseConnectionId: client_str(item.baseConnectionId),
        format: client_str(data.format),
        properties,
        path: client_str(params.path),
        recursive: booleanOf(params.recursive) ?? false,
        ...createdAtOf(item)
    };
}
function readRun(item, call) {
    const metrics = isObject(item.metrics) ? item.metrics : {};
    const duration = isObject(metrics.durationSummary) ? metrics.durationSummary : {};
    const records = isObject(metrics.recordSummary) ? metrics.recordSummary : {};
    const status = isObject(metrics.statusSummary) ? metrics.statusSummary : {};
    const errors = Array.isArray(status.errors)
        ? status.errors.filter(isObject).map((e) => [client_str(e.code), client_str(e.message)].filter((p) => p !== '').join(': '))
        : [];
    const startedAt = numberOf(duration.startedAtUTC) ?? numberOf(item.createdAt);
    const completedAt = numberOf(duration.completedAtUTC);
    const read = numberOf(records.inputRecordCount);
    const written = numberOf(records.outputRecordCount);
    const failed = numberOf(records.failedRecordCount);
    return {
        id: readId(item.id, 'id', origin(call)),
        status: client_str(status.status),
        errors,
        ...(startedAt !== undefined && { startedAt }),
        ...(completedAt !== undefined && { completedAt }),
        ...(read !== undefined && { recordsRead: read }),
        ...(written !== undefined && { recordsWritten: written }),
        ...(failed !== undefined && { recordsFailed: failed })
    };
}
function problemOf(e) {
    const message = client_str(e.exception) || client_str(e.message) || client_str(e.errorMessage) || 'not valid';
    return {
        ...(typeof e.source === 'string' && { source: e.source }),
        ...(typeof e.destination === 'string' && { destination: e.destination }),
        message
    };
}
function errorText(json) {
    if (!isObject(json))
        return undefined;
    const text = json.message ?? json.detail ?? json.title;
    return typeof text === 'string' ? text : undefined;
}
// A tenant schema's $id: https://ns.adobe.com/{tenant}/schemas/{hex}.
const SCHEMA_ID = /^https:\/\/ns\.adobe\.com\/[\w.\-/]{1,400}$/;
function readSchemaId(value, call) {
    if (typeof value === 'string' && SCHEMA_ID.test(value))
        return value;
    throw new UnexpectedResponseError(call.service, call.label, `"schemaRef.id" is not an XDM schema id (https://ns.adobe.com/...)`);
}
function readVersion(value, call) {
    const n = numberOf(value);
    if (n !== undefined && Number.isInteger(n) && n >= 0 && n < 1_000_000)
        return n;
    throw new UnexpectedResponseError(call.service, call.label, '"version" is not a mapping set version (a whole number)');
}
function written(res, call) {
    const body = object(res, call);
    return { id: readId(body.id, 'id', origin(call)), etag: readEtag(body.etag, 'etag', origin(call)) };
}
function firstItem(res, call) {
    const items = object(res, call).items;
    const first = Array.isArray(items) ? items[0] : undefined;
    return isObject(first) ? first : undefined;
}
function firstId(value) {
    const first = Array.isArray(value) ? value[0] : undefined;
    return isId(first) ? first : undefined;
}
function object(res, call) {
    if (!isObject(res.json))
        throw unexpected(call, 'not a JSON object');
    return res.json;
}
/** Numbers the service may write as strings ("interval": "15"). */
function numberOf(value) {
    if (typeof value === 'number' && Number.isFinite(value))
        return value;
    if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim()))
        return Number(value);
    return undefined;
}
function booleanOf(value) {
    if (typeof value === 'boolean')
        return value;
    if (value === 'true' || value === 'false')
        return value === 'true';
    return undefined;
}
function client_str(value) {
    return typeof value === 'string' ? value : '';
}
function createdAtOf(item) {
    const createdAt = numberOf(item.createdAt);
    return createdAt === undefined ? {} : { createdAt };
}
function origin(call) {
    return { service: call.service, label: call.label };
}
function unexpected(call, problem) {
    return new UnexpectedResponseError(call.service, call.label, problem);
}

;// CONCATENATED MODULE: ./src/platform/dry-run.ts
// What a dry run prints: each request a real run would send, numbered, with when it is sent.
// Requests come from the actions' own builders; the caller redacts secrets before printing.


class DryRunPlan {
    target;
    steps = [];
    constructor(target) {
        this.target = target;
    }
    /** The IMS request, when the run exchanges a client secret for a token. */
    token(session) {
        if (session.credentials.kind !== 'client-secret')
            return this;
        const ims = tokenRequest({
            imsUrl: session.imsUrl,
            clientId: session.clientId,
            clientSecret: session.credentials.clientSecret,
            scopes: session.scopes
        });
        return this.step('Get an access token (one per run)', [
            `${ims.method} ${ims.url}`,
            'Content-Type: application/x-www-form-urlencoded',
            '',
            ims.body ?? ''
        ]);
    }
    /** A request; placeholders such as {id} stand where a real run puts what the service answered. */
    call(when, call) {
        const [requestLine = '', ...rest] = describeCall(call, this.target);
        // Only the request line's own placeholders: '%7Bid%7D' in a path reads '{id}'. Anything else,
        // a description with '%7B' in it say, is printed as it would be sent.
        const shown = requestLine.replace(/%7B([A-Za-z](?:[\w-]|%20)*)%7D/g, (_, name) => `{${name.replace(/%20/g, ' ')}}`);
        return this.step(when, [shown, ...rest]);
    }
    /** A step that sends nothing (a decision). */
    note(when) {
        return this.step(when, []);
    }
    lines() {
        return ['Dry run: the inputs are valid. No token was requested and nothing was sent.', 'A real run would send:', ...this.steps.flat()];
    }
    step(when, lines) {
        this.steps.push([`${this.steps.length + 1}. ${when}`, ...lines.map((l) => `   ${l}`)]);
        return this;
    }
}
/** The target of a dry run: the session's caller, and where each service lives. */
function dryRunTarget(session, baseUrls) {
    return { clientId: session.clientId, imsOrgId: session.imsOrgId, sandboxName: session.sandboxName, baseUrls };
}

;// CONCATENATED MODULE: ./src/dataflow/dry-run.ts
// dry-run: true prints the requests a run would send (built by the same code), and sends nothing.
// What exists is not read, so both paths are shown: the first run's creates, and a re-run's reads.


function describeDryRun(config, mappings, description, nowMs) {
    const plan = new DryRunPlan(dryRunTarget(config.session, config.baseUrls)).token(config.session);
    const schema = '{schema id of the dataset}';
    const names = partNames(config.name);
    plan.call('Read the dataset (for its schema), with the next', datasetCall(config.datasetId));
    plan.call('Find the dataflow by name and spec (every page is read)', flowLookupCall(config.name));
    if (mappings !== undefined)
        plan.call('Validate the mapping with Data Prep, before any write', validateMappingCall(mappingSetBody(schema, mappings)));
    plan.call('When none exists: the source connection, with the next two', createSourceCall(sourceBody(config.source, config.connectionId, names.source, description)));
    plan.call('When none exists: the target connection', createTargetCall(targetBody(config.datasetId, schema, names.target, description)));
    if (mappings !== undefined)
        plan.call('When none exists: the mapping set', createMappingCall(mappingSetBody(schema, mappings)));
    const startTime = config.schedule.startTime ?? Math.floor(nowMs / 1000) + 60;
    const ids = {
        source: '{source connection id}',
        target: '{target connection id}',
        ...(mappings !== undefined && { mapping: { id: '{mapping set id}', version: 0 } })
    };
    plan.call('When none exists: the dataflow', createFlowCall(flowBody(config, description, ids, { ...config.schedule, startTime })));
    plan.call('After a create: list again, and keep the oldest if a concurrent run created one too', flowLookupCall(config.name));
    plan.call('When one exists: read its source connection, with the next two', getSourceCall('{source connection id}'));
    plan.call('When one exists: its target connection', getTargetCall('{target connection id}'));
    if (mappings !== undefined)
        plan.call('When one exists: its mapping set, the version it uses', getMappingCall('{mapping set id}', 0));
    plan.note(`When one exists (if-exists: ${config.ifExists}): compare, then PATCH /flows/{id} with If-Match for what differs in place (description, schedule, options, mapping); ${config.onSourceChange === 'replace' ? 'replace the chain when the source or dataset differs' : 'fail when the source or dataset differs'}`);
    if (config.waitForRun)
        plan.call(`Then look at its runs until the first after the write ends (within ${config.waitMinutes} min)`, runsCall('{dataflow id}'));
    return plan.lines();
}

;// CONCATENATED MODULE: ./src/platform/lag.ts
// Lists that may lag behind a create. Adobe documents nothing about how soon a new connection
// or dataflow shows in its listing, so a run that must know looks again, at growing intervals,
// before it trusts what the list says.
/** The waits between lookups: 5.5 s in all. */
const LAG_SCHEDULE_MS = [0, 500, 1000, 2000, 2000];
/**
 * Asks `look` again and again, waiting the schedule's intervals in between, until `seen` holds
 * or the schedule runs out; a wait the time left cannot hold (with a second to spare) ends it.
 */
async function untilSeen(d, look, seen) {
    const [first = 0, ...later] = d.lagSchedule ?? LAG_SCHEDULE_MS;
    await d.clock.sleep(first);
    let last = await look();
    let looks = 1;
    for (const delay of later) {
        if (seen(last) || d.remainingMs() < delay + 1000)
            break;
        await d.clock.sleep(delay);
        last = await look();
        looks += 1;
    }
    return { last, seen: seen(last), looks };
}

;// CONCATENATED MODULE: ./src/dataflow/decide.ts
// What a run does with the dataflow the sandbox holds: pure functions of (what exists, what the
// inputs ask for), each row of the README's table a unit test. The run executes the result.



/** Which of a listing's ids a message shows; the rest are counted. */
const MAX_IDS_SHOWN = 10;
const CREATE_CHANGES = [
    { action: 'create', object: 'source connection' },
    { action: 'create', object: 'target connection' },
    { action: 'create', object: 'mapping set' },
    { action: 'create', object: 'dataflow' }
];
function decide(found, wanted) {
    const [chain, ...others] = found;
    if (chain === undefined)
        return { kind: 'create', changes: createChanges(wanted) };
    if (others.length > 0) {
        const shown = found.slice(0, MAX_IDS_SHOWN).map((c) => c.flow.id);
        const more = found.length > shown.length ? ` and ${found.length - shown.length} more` : '';
        return {
            kind: 'fail',
            reason: `${found.length} dataflows named ${quoted(wanted.name)} exist (${shown.join(', ')}${more}); the action needs at most one, so nothing was changed. Delete the extra ones, or choose another dataflow-name.`
        };
    }
    if (wanted.ifExists === 'fail') {
        return {
            kind: 'fail',
            reason: `A dataflow named ${quoted(wanted.name)} already exists (${chain.flow.id}), and if-exists is 'fail'. Use 'update' or 'reuse', or choose another dataflow-name.`
        };
    }
    const sourceChanges = sourceDifferences(chain, wanted);
    if (wanted.ifExists === 'reuse')
        return { kind: 'reuse', chain, changes: [...sourceChanges, ...inPlace(chain, wanted).changes].map(notApplied('if-exists is reuse')) };
    if (sourceChanges.length > 0) {
        if (wanted.onSourceChange === 'fail') {
            const lines = sourceChanges.map((c) => `${c.object} ${c.field ?? ''}: is ${show(c.from)}, the inputs ask for ${show(c.to)}`);
            return {
                kind: 'fail',
                reason: `Dataflow ${chain.flow.id} (${quoted(wanted.name)}) reads another source or writes another dataset than the inputs ask for, and Adobe advises against patching those; nothing was changed (on-source-change: fail):\n${lines.map((l) => `- ${l}`).join('\n')}\nSet on-source-change: replace to build a new source connection, target connection and dataflow and delete the old ones, or choose another dataflow-name.`
            };
        }
        return {
            kind: 'replace',
            chain,
            changes: [...sourceChanges.map((c) => ({ ...c, action: 'replace' })), ...replaceChanges(chain, wanted)]
        };
    }
    const { steps, changes } = inPlace(chain, wanted);
    const writes = steps.patch.length > 0 || steps.mapping !== undefined || steps.enable !== undefined;
    return writes ? { kind: 'update', chain, steps, changes } : { kind: 'reuse', chain, changes };
}
function createChanges(wanted) {
    return CREATE_CHANGES.filter((c) => c.object !== 'mapping set' || wanted.mappings !== undefined).map((c) => ({ ...c }));
}
function replaceChanges(chain, wanted) {
    return [
        ...createChanges(wanted).map((c) => ({ ...c, note: 'the replacement' })),
        { action: 'delete', object: 'dataflow', from: chain.flow.id },
        ...(chain.source !== undefined ? [{ action: 'delete', object: 'source connection', from: chain.source.id }] : []),
        ...(chain.target !== undefined ? [{ action: 'delete', object: 'target connection', from: chain.target.id }] : [])
    ];
}
/** What the dataflow reads and where it writes: changed only by replacing the chain. */
function sourceDifferences(chain, wanted) {
    const changes = [];
    const differ = (object, field, from, to) => {
        if (JSON.stringify(from) !== JSON.stringify(to))
            changes.push({ action: 'replace', object, field, from, to });
    };
    const { source, target } = chain;
    if (source !== undefined) {
        differ('source connection', 'baseConnectionId', source.baseConnectionId.toLowerCase(), wanted.baseConnectionId.toLowerCase());
        differ('source connection', 'path', source.path, wanted.source.path);
        differ('source connection', 'format', source.format, wanted.source.format);
        differ('source connection', 'recursive', source.recursive, wanted.source.recursive);
        const wantedProperties = fileProperties(wanted.source);
        for (const key of new Set([...Object.keys(source.properties), ...Object.keys(wantedProperties)])) {
            differ('source connection', `properties.${key}`, source.properties[key] ?? defaultProperty(key, source.format), wantedProperties[key] ?? defaultProperty(key, wanted.source.format));
        }
    }
    if (target !== undefined)
        differ('target connection', 'dataSetId', target.datasetId, wanted.datasetId);
    return changes;
}
/** What a source connection means when it leaves a property out. */
function defaultProperty(key, format) {
    if (format !== 'delimited')
        return undefined;
    return key === 'columnDelimiter' ? ',' : key === 'encoding' ? 'UTF-8' : undefined;
}
/** The changes the service takes in place: description, schedule, options, mapping, enabled. */
function inPlace(chain, wanted) {
    const { flow } = chain;
    const patch = [];
    const changes = [];
    const update = (field, from, to) => void changes.push({ action: 'update', object: 'dataflow', field, from, to });
    if (wanted.description !== undefined && flow.description !== wanted.description) {
        patch.push({ op: flow.description === undefined ? 'add' : 'replace', path: '/description', value: wanted.description });
        update('description', flow.description, wanted.description);
    }
    scheduleChanges(flow, wanted.schedule, patch, changes);
    const options = optionsOf(wanted);
    const current = {
        ...(flow.options.partialIngestionPercent !== undefined && { partialIngestionPercent: flow.options.partialIngestionPercent }),
        ...(flow.options.errorDiagnosticsEnabled === true && { errorDiagnosticsEnabled: true })
    };
    if (JSON.stringify(sorted(current)) !== JSON.stringify(sorted(options))) {
        patch.push({ op: 'replace', path: '/options', value: options });
        update('options', current, options);
    }
    const mapping = mappingChange(chain, wanted, patch, changes);
    const enabled = flow.state === 'enabled';
    if (enabled !== wanted.enabled)
        update('state', flow.state, wanted.enabled ? 'enabled' : 'disabled');
    return {
        steps: { patch, ...(mapping !== undefined && { mapping }), ...(enabled !== wanted.enabled && { enable: wanted.enabled }) },
        changes
    };
}
function scheduleChanges(flow, wanted, patch, changes) {
    const now = flow.schedule;
    const notApplied = (field, from, to, note) => void changes.push({ action: 'not applied', object: 'dataflow', field, from, to, note });
    if (now.frequency !== wanted.frequency) {
        if (wanted.frequency === 'once') {
            notApplied('scheduleParams.frequency', now.frequency, 'once', 'a scheduled dataflow cannot become once; replace it (a new dataflow-name) to run it once');
        }
        else {
            patch.push({ op: 'replace', path: '/scheduleParams/frequency', value: wanted.frequency });
            changes.push({ action: 'update', object: 'dataflow', field: 'scheduleParams.frequency', from: now.frequency, to: wanted.frequency });
        }
    }
    if (wanted.frequency !== 'once' && wanted.interval !== undefined && now.interval !== wanted.interval) {
        patch.push({ op: now.interval === undefined ? 'add' : 'replace', path: '/scheduleParams/interval', value: wanted.interval });
        changes.push({ action: 'update', object: 'dataflow', field: 'scheduleParams.interval', from: now.interval, to: wanted.interval });
    }
    if (wanted.startTime !== undefined && now.startTime !== wanted.startTime) {
        notApplied('scheduleParams.startTime', now.startTime, wanted.startTime, 'start-time is used only when a dataflow is created');
    }
    if (wanted.backfill !== undefined && now.backfill !== undefined && now.backfill !== wanted.backfill) {
        notApplied('scheduleParams.backfill', now.backfill, wanted.backfill, 'backfill is used only when a dataflow is created');
    }
}
function mappingChange(chain, wanted, patch, changes) {
    const { flow, mapping } = chain;
    if (wanted.mappings === undefined) {
        if (flow.mapping === undefined)
            return undefined;
        patch.push({ op: 'remove', path: `/transformations/${flow.mapping.index}` });
        changes.push({
            action: 'delete',
            object: 'mapping set',
            field: 'transformation',
            from: flow.mapping.id,
            note: 'the dataflow no longer maps (no mapping input)'
        });
        return undefined;
    }
    if (flow.mapping === undefined || mapping === undefined) {
        changes.push({ action: 'create', object: 'mapping set', note: 'the dataflow had no mapping' });
        return { kind: 'new-set' };
    }
    if (sameMappings(mapping.mappings, wanted.mappings))
        return undefined;
    changes.push({
        action: 'update',
        object: 'mapping set',
        field: 'mappings',
        from: `version ${mapping.version} (${mapping.mappings.length} mappings)`,
        to: `a new version (${wanted.mappings.length} mappings)`
    });
    return { kind: 'new-version', mappingId: flow.mapping.id, index: flow.mapping.index };
}
/** The PATCH operation that points the dataflow at a mapping set's version. */
function transformationOperation(steps, mapping) {
    const value = mappingTransformation(mapping);
    return steps.mapping?.kind === 'new-version'
        ? { op: 'replace', path: `/transformations/${steps.mapping.index}`, value }
        : { op: 'add', path: '/transformations/-', value };
}
function notApplied(note) {
    return (change) => ({ ...change, action: 'not applied', note });
}
function sorted(value) {
    return Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1));
}
function show(value) {
    return value === undefined ? '(none)' : JSON.stringify(value);
}
/** Whether a start time has passed (a dataflow cannot be created to start in the past). */
function startInPast(schedule, nowMs) {
    return schedule.startTime !== undefined && schedule.startTime * 1000 < nowMs;
}

;// CONCATENATED MODULE: ./src/dataflow/ensure.ts
// The dataflow's story with the sandbox: read what exists (the dataset's schema, the dataflow and
// the parts it points at), validate the mapping, decide, and carry the decision out; then the
// sandbox holds one dataflow with this name, reading the source path into the dataset with this
// mapping and schedule. Independent requests go out together.







/** Without a start-time, a new dataflow starts this long after it is created. */
const DEFAULT_START_DELAY_S = 60;
class MappingInvalidError extends Error {
    constructor(problems) {
        const lines = problems.map((p) => `- ${[p.source !== undefined ? `source ${quoted(p.source)}` : '', p.destination !== undefined ? `destination ${quoted(p.destination)}` : ''].filter((s) => s !== '').join(' -> ') || 'mapping set'}: ${oneLine(p.message)}`);
        super(`Data Prep refused the mapping, so nothing was created or changed:\n${lines.join('\n')}`);
        this.name = 'MappingInvalidError';
    }
}
class DataflowConflictError extends Error {
    constructor(message) {
        super(message);
        this.name = 'DataflowConflictError';
    }
}
async function ensureDataflow(d, ask) {
    const { wanted } = ask;
    const [dataset, found] = await Promise.all([d.client.dataset(wanted.datasetId), d.client.findFlows(wanted.name)]);
    d.log(`Dataset ${dataset.id} (${quoted(dataset.name)}) has schema ${dataset.schemaId}; found ${found.length} dataflow(s) named ${quoted(wanted.name)}${found.length > 0 ? ` (${found.map((f) => f.id).join(', ')})` : ''}.`);
    const [chains] = await Promise.all([Promise.all(found.map((flow) => readChain(d.client, flow))), validate(d, dataset, wanted)]);
    const decision = decide(chains, wanted);
    if (ask.plan)
        return planned(decision);
    return carryOut(d, ask, dataset, decision, found);
}
async function carryOut(d, ask, dataset, decision, found) {
    switch (decision.kind) {
        case 'fail':
            throw new DataflowConflictError(decision.reason);
        case 'reuse':
            return { operation: 'reused', ...idsOf(decision.chain), changes: decision.changes };
        case 'update':
            return update(d, ask, dataset, decision.chain, decision.steps, decision.changes);
        case 'create':
            return createAndConverge(d, ask, dataset, found, decision.changes);
        case 'replace':
            return replace(d, ask, dataset, decision.chain, decision.changes);
    }
}
/** Reads the parts a dataflow points at, together. */
/** Reads the parts a dataflow points at, together. */
async function readChain(client, flow) {
    const [source, target, mapping] = await Promise.all([
        flow.sourceConnectionId !== undefined ? client.getSource(flow.sourceConnectionId) : undefined,
        flow.targetConnectionId !== undefined ? client.getTarget(flow.targetConnectionId) : undefined,
        flow.mapping !== undefined ? client.getMapping(flow.mapping.id, flow.mapping.version) : undefined
    ]);
    return {
        flow,
        ...(source !== undefined && { source }),
        ...(target !== undefined && { target }),
        ...(mapping !== undefined && { mapping })
    };
}
async function validate(d, dataset, wanted) {
    if (wanted.mappings === undefined)
        return;
    const problems = await d.client.validate(mappingSetBody(dataset.schemaId, wanted.mappings));
    if (problems.length > 0)
        throw new MappingInvalidError(problems);
    d.log(`Data Prep validated the mapping: ${wanted.mappings.length} mapping(s) into schema ${dataset.schemaId}.`);
}
function planned(decision) {
    if (decision.kind === 'fail')
        throw new DataflowConflictError(decision.reason);
    return { operation: 'planned', ...(decision.kind !== 'create' && idsOf(decision.chain)), changes: decision.changes };
}
// ---- update -----------------------------------------------------------------------------------
async function update(d, ask, dataset, chain, steps, changes) {
    const { flow } = chain;
    const mapping = await writeMapping(d, ask, dataset, steps);
    let current = flow;
    let operations = patchOperations(steps, mapping);
    let etag = flow.etag;
    for (let attempt = 1; operations.length > 0; attempt++) {
        const result = await d.client.patchFlow(current.id, current.etag, operations);
        if (result !== 'stale') {
            etag = result.etag;
            break;
        }
        if (attempt === 2) {
            throw new DataflowConflictError(`Dataflow ${flow.id} (${quoted(ask.wanted.name)}) changed again while this run updated it (412 twice); something else is writing to it. Run again when it is done.`);
        }
        // Another writer, or this run's own earlier attempt whose answer was lost: read it again and rebuild the PATCH.
        d.log(`Dataflow ${flow.id}'s etag is no longer the one read (412): reading it again and retrying once.`);
        const fresh = await d.client.getFlow(flow.id);
        if (fresh === undefined)
            throw new DataflowConflictError(`Dataflow ${flow.id} was deleted while this run updated it.`);
        current = fresh;
        const again = inPlace({ ...chain, flow: fresh }, ask.wanted).steps;
        operations = patchOperations({ ...again, ...(steps.mapping !== undefined && { mapping: steps.mapping }) }, mapping);
    }
    if (steps.enable !== undefined)
        etag = (await d.client.setEnabled(flow.id, steps.enable)).etag;
    return { operation: 'updated', ...idsOf(chain), etag, ...(mapping !== undefined && { mapping }), changes, wroteAt: d.clock.now() };
}
/** The one PATCH: the planned operations, with the transformation pointed at the mapping set just written. */
function patchOperations(steps, mapping) {
    return [...steps.patch, ...(mapping !== undefined ? [transformationOperation(steps, mapping)] : [])];
}
/** A new version of the mapping set the dataflow uses (or a new set when it used none), into the dataset's schema. */
async function writeMapping(d, ask, dataset, steps) {
    const mappings = ask.wanted.mappings;
    if (steps.mapping === undefined || mappings === undefined)
        return undefined;
    const body = mappingSetBody(dataset.schemaId, mappings);
    return steps.mapping.kind === 'new-version' ? d.client.putMapping(steps.mapping.mappingId, body) : d.client.createMapping(body);
}
/** Source connection, target connection and mapping set together, then the dataflow. */
async function build(d, ask, dataset, knownFlows, reuseMapping) {
    const { wanted } = ask;
    const startedAt = d.clock.now();
    if (startInPast(wanted.schedule, startedAt)) {
        throw new DataflowConflictError(`Input 'start-time' (${new Date((wanted.schedule.startTime ?? 0) * 1000).toISOString()}) has passed, and a dataflow cannot be created to start in the past; give a later one, or leave it empty (60 s from now).`);
    }
    const names = partNames(wanted.name);
    // A create whose answer was lost: one of this name made since the run began is taken as its own.
    const madeSince = (items) => items
        .filter((i) => i.createdAt === undefined || i.createdAt >= startedAt - 60_000)
        .sort((a, b) => (a.createdAt ?? 0) - (b.createdAt ?? 0))[0]?.id;
    const [source, target, mapping] = await Promise.allSettled([
        d.client.createSource(sourceBody(wanted.source, wanted.baseConnectionId, names.source, ask.description), async () => madeSince(await d.client.findSources(names.source, wanted.baseConnectionId))),
        d.client.createTarget(targetBody(wanted.datasetId, dataset.schemaId, names.target, ask.description), async () => madeSince(await d.client.findTargets(names.target, wanted.datasetId))),
        wanted.mappings === undefined ? undefined : (reuseMapping ?? d.client.createMapping(mappingSetBody(dataset.schemaId, wanted.mappings)))
    ]);
    if (source.status === 'rejected' || target.status === 'rejected' || mapping.status === 'rejected') {
        // What was made for a dataflow that will not be made goes: a failed run leaves nothing behind.
        await removeParts(d, [...partOf('source', source), ...partOf('target', target)]);
        const failed = [source, target, mapping].flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
        throw failed[0];
    }
    const parts = { source: source.value, target: target.value, mapping: mapping.value };
    const startTime = wanted.schedule.startTime ?? Math.floor(d.clock.now() / 1000) + DEFAULT_START_DELAY_S;
    const ids = { source: parts.source.id, target: parts.target.id, ...(parts.mapping !== undefined && { mapping: parts.mapping }) };
    const body = flowBody(wanted, ask.description, ids, { ...wanted.schedule, startTime });
    try {
        // Only a source connection this run created proves a dataflow reading it this run's own.
        const ownSource = parts.source.kind === 'created' ? parts.source.id : undefined;
        const flow = await d.client.createFlow(body, () => lookForLostFlow(d, wanted.name, knownFlows, ownSource));
        return { flow, source: parts.source, target: parts.target, ...(parts.mapping !== undefined && { mapping: parts.mapping }) };
    }
    catch (error) {
        await removeParts(d, [
            { kind: 'source', made: parts.source },
            { kind: 'target', made: parts.target }
        ]);
        throw error;
    }
}
async function createAndConverge(d, ask, dataset, found, changes) {
    const known = new Set(found.map((f) => f.id.toLowerCase()));
    const built = await build(d, ask, dataset, known);
    const adopted = built.flow.kind === 'adopted' ? await d.client.getFlow(built.flow.id) : undefined;
    // A dataflow that reads the source connection this run created is this run's create, whose answer was lost.
    const readsOwnSource = adopted !== undefined && built.source.kind === 'created' && sameId(adopted.sourceConnectionId ?? '', built.source.id);
    if (built.flow.kind === 'adopted' && !readsOwnSource) {
        d.log(`Dataflow ${built.flow.id} appeared after this run's lookup, while the outcome of its create was unknown, and it does not read a source connection this run created, so it cannot be proven this run's: treating it as found, and deleting the connections this run created that it does not use.`);
        const used = new Set([adopted?.sourceConnectionId, adopted?.targetConnectionId].map((id) => id?.toLowerCase()));
        const parts = [
            { kind: 'source', made: built.source },
            { kind: 'target', made: built.target }
        ];
        await removeParts(d, parts.filter((part) => !used.has(part.made.id.toLowerCase())));
        return asFound(d, ask, dataset, built.flow.id);
    }
    const own = built.flow.id;
    if (built.flow.kind === 'adopted') {
        d.log(`Dataflow ${own} appeared after this run's lookup, while the outcome of its create was unknown: it reads this run's source connection, so it is this run's own.`);
    }
    const listed = await listWithOwn(d, ask.wanted.name, own);
    const survivor = [...listed].sort((a, b) => (a.createdAt ?? Infinity) - (b.createdAt ?? Infinity) || (a.id.toLowerCase() < b.id.toLowerCase() ? -1 : 1))[0];
    if (survivor !== undefined && !sameId(survivor.id, own)) {
        d.log(`${listed.length} dataflows named ${quoted(ask.wanted.name)} exist now: another run created one at the same time. Keeping the oldest, ${survivor.id}, and deleting this run's ${own} and its connections.`);
        await d.client.deleteFlow(own);
        await removeParts(d, [
            { kind: 'source', made: built.source },
            { kind: 'target', made: built.target }
        ]);
        return asFound(d, ask, dataset, survivor.id);
    }
    d.log(`Created dataflow ${own} with source connection ${built.source.id}, target connection ${built.target.id}${built.mapping !== undefined ? ` and mapping set ${built.mapping.id} version ${built.mapping.version}` : ''}.`);
    return finish(d, ask, built, 'created', changes);
}
/** A dataflow this run did not (provably) make: what if-exists says for one that exists. */
async function asFound(d, ask, dataset, flowId) {
    const flow = await d.client.getFlow(flowId);
    if (flow === undefined)
        throw new DataflowConflictError(`Dataflow ${flowId} vanished while this run converged on it; run again.`);
    const decision = decide([await readChain(d.client, flow)], ask.wanted);
    if (decision.kind === 'create')
        throw new DataflowConflictError(`Dataflow ${flowId} could not be read as found; run again.`);
    return carryOut(d, ask, dataset, decision, [flow]);
}
/**
 * Every same-named dataflow, listed until this run's own shows (the list may lag). When it never
 * does, its own is read to learn its creation time; without one, it is kept: a run that cannot
 * date its dataflow never deletes it, for the other run may be deleting its own.
 */
async function listWithOwn(d, name, own) {
    const { last, seen } = await untilSeen(d, () => d.client.findFlows(name), (listed) => listed.some((f) => sameId(f.id, own)));
    if (seen)
        return last;
    const read = await d.client.getFlow(own);
    if (read === undefined) {
        if (last.length > 0)
            return last;
        throw new DataflowConflictError(`Dataflow ${own} was deleted while this run converged on ${quoted(name)}, and no other shows; run again.`);
    }
    d.warn(`Dataflow ${own} does not show in GET /flows yet: ${read.createdAt === undefined
        ? `its creation time is unknown, so it is kept, even if another run created ${quoted(name)} at the same time.`
        : `it is compared by creation time with the ${last.length} listed.`}`);
    return read.createdAt === undefined ? [read] : [...last, read];
}
/**
 * After a create whose outcome is unknown: the dataflow of this name that appeared since the
 * lookup. The one reading `ownSource` (created by this run alone) is this run's, and is looked for
 * as long as a lagging list may hide it, even when another run's shows first; else the oldest.
 */
async function lookForLostFlow(d, name, known, ownSource) {
    const look = async () => (await d.client.findFlows(name)).filter((f) => !known.has(f.id.toLowerCase()));
    const readsOwn = (f) => ownSource !== undefined && sameId(f.sourceConnectionId ?? '', ownSource);
    const { last } = await untilSeen(d, look, (appeared) => (ownSource === undefined ? appeared.length > 0 : appeared.some(readsOwn)));
    const own = last.find(readsOwn);
    const oldest = [...last].sort((a, b) => (a.createdAt ?? Infinity) - (b.createdAt ?? Infinity))[0];
    const adopted = own ?? oldest;
    if (adopted !== undefined)
        return adopted.id;
    d.log(`No dataflow named ${quoted(name)} appeared after the create whose outcome is unknown: sending it again.`);
    return undefined;
}
// ---- replace ----------------------------------------------------------------------------------
/** The new chain first; only once the new dataflow exists do the old dataflow and then its connections go. */
async function replace(d, ask, dataset, old, changes) {
    // The mapping set carries over when it still fits: the same schema and the same mappings.
    const { mapping: oldMapping } = old.flow;
    const fits = oldMapping !== undefined &&
        old.mapping !== undefined &&
        ask.wanted.mappings !== undefined &&
        old.target?.schemaId === dataset.schemaId &&
        sameMappings(old.mapping.mappings, ask.wanted.mappings);
    const built = await build(d, ask, dataset, new Set([old.flow.id.toLowerCase()]), fits ? { id: oldMapping.id, version: oldMapping.version } : undefined);
    d.log(`Built the replacement, dataflow ${built.flow.id}; deleting the old dataflow ${old.flow.id}, then its connections.`);
    await d.client.deleteFlow(old.flow.id);
    await Promise.all([
        old.source !== undefined ? d.client.deleteSource(old.source.id) : undefined,
        old.target !== undefined ? d.client.deleteTarget(old.target.id) : undefined
    ]);
    return finish(d, ask, built, 'replaced', changes);
}
/** A new dataflow made: disabled when the inputs say so (new ones start enabled), and its outcome. */
async function finish(d, ask, built, operation, changes) {
    let etag = await etagOf(d, built.flow);
    if (!ask.wanted.enabled)
        etag = (await d.client.setEnabled(built.flow.id, false)).etag;
    return {
        operation,
        flowId: built.flow.id,
        ...(etag !== undefined && { etag }),
        sourceId: built.source.id,
        targetId: built.target.id,
        ...(built.mapping !== undefined && { mapping: built.mapping }),
        changes,
        wroteAt: d.clock.now()
    };
}
function partOf(kind, result) {
    return result.status === 'fulfilled' ? [{ kind, made: result.value }] : [];
}
/** Deletes the connections this run made (never adopted ones, which may be another run's); failures are reported. */
async function removeParts(d, parts) {
    await Promise.all(parts.map(async ({ kind, made }) => {
        if (made.kind !== 'created')
            return;
        try {
            await (kind === 'source' ? d.cleanup.deleteSource(made.id) : d.cleanup.deleteTarget(made.id));
        }
        catch (error) {
            d.warn(`Could not delete ${kind} connection ${made.id}, made by this run; delete it by hand: ${errorMessage(error)}`);
        }
    }));
}
/** The create answer's etag, or the dataflow's read back when the answer had none. */
async function etagOf(d, made) {
    if (made.kind === 'created' && made.etag !== undefined)
        return made.etag;
    return (await d.client.getFlow(made.id))?.etag;
}
function idsOf(chain) {
    const { flow } = chain;
    return {
        flowId: flow.id,
        etag: flow.etag,
        ...(flow.sourceConnectionId !== undefined && { sourceId: flow.sourceConnectionId }),
        ...(flow.targetConnectionId !== undefined && { targetId: flow.targetConnectionId }),
        ...(flow.mapping !== undefined && { mapping: { id: flow.mapping.id, version: flow.mapping.version } })
    };
}
function describeChange(c) {
    const what = [c.object, c.field].filter((p) => p !== undefined).join(' ');
    const values = c.from !== undefined || c.to !== undefined ? `: ${JSON.stringify(c.from ?? null)} -> ${JSON.stringify(c.to ?? null)}` : '';
    return `${c.action} ${what}${values}${c.note !== undefined ? ` (${c.note})` : ''}`;
}

// EXTERNAL MODULE: ./src/platform/defaults.ts
var defaults = __webpack_require__(4069);
;// CONCATENATED MODULE: ./src/platform/input-reader.ts
// Reads inputs and validates them into typed values before any network call. Problems are
// collected, so that one run reports every bad input at once, each message naming its input and
// the fix. Pure apart from the injected `getInput`, so every rule is a plain unit test.



/** The longest name of a connection or dataflow: room is left for the suffix that names a verification probe. */
const MAX_NAME_LENGTH = 200;
/** The longest description Flow Service is given (an assumption: Adobe documents no limit). */
const MAX_DESCRIPTION_LENGTH = 1024;
class InputError extends Error {
    problems;
    constructor(problems) {
        super(problems.length === 1 ? (problems[0] ?? '') : `Invalid inputs:\n${problems.map((p) => `- ${p}`).join('\n')}`);
        this.problems = problems;
        this.name = 'InputError';
    }
}
// Header values cannot hold control characters; a pasted secret with a newline is a mistake.
const CONTROL = /[\u0000-\u001f\u007f]/;
const WHITESPACE = /\s/;
class InputReader {
    getInput;
    defaults;
    problems = [];
    constructor(getInput, 
    /** Each action's defaults, as its action.yml declares them (a test keeps the two equal). */
    defaults) {
        this.getInput = getInput;
        this.defaults = defaults;
    }
    raw(name) {
        return this.getInput(name).trim();
    }
    /** The input exactly as given, spaces and tabs included (a delimiter may be either). */
    getRaw(name) {
        return this.getInput(name).replace(/^\r?\n+|\r?\n+$/g, '');
    }
    optional(name) {
        const value = this.raw(name);
        return value === '' ? undefined : value;
    }
    withDefault(name) {
        return this.optional(name) ?? this.defaultOf(name);
    }
    required(name, hint) {
        const value = this.optional(name);
        if (value === undefined)
            this.fail(`Input '${name}' is required: ${hint}.`);
        return value ?? '';
    }
    /** Whether the workflow set the input to something other than its default. */
    isSet(name) {
        const value = this.raw(name);
        return value !== '' && value !== (this.defaults[name] ?? '');
    }
    /**
     * The name of what the run manages: required, one line, at most MAX_NAME_LENGTH characters.
     * `hint` says what it names; a later run finds it by this name.
     */
    name(name, hint) {
        const value = this.required(name, `${hint}; the name is also how a later run finds it`);
        this.check(name, value, (v) => !hasControl(v) && v.length <= MAX_NAME_LENGTH, `must be one line of at most ${MAX_NAME_LENGTH} characters`);
        return value;
    }
    /** A free-text description, as Flow Service takes one: at most MAX_DESCRIPTION_LENGTH characters. */
    description() {
        const value = this.optional('description');
        this.check('description', value, (v) => v.length <= MAX_DESCRIPTION_LENGTH, `must be at most ${MAX_DESCRIPTION_LENGTH} characters`);
        return value;
    }
    fail(problem) {
        this.problems.push(problem);
    }
    /** Applies a check only to a value that is present, so a missing input yields one problem, not two. */
    check(name, value, ok, accepted) {
        if (value !== undefined && value !== '' && !ok(value))
            this.fail(`Input '${name}' ${accepted}.`);
    }
    /** Throws every problem found so far as one InputError. */
    done() {
        if (this.problems.length > 0)
            throw new InputError(this.problems);
    }
    choice(name, choices) {
        const value = this.withDefault(name);
        const chosen = choices.find((c) => c === value);
        if (chosen !== undefined)
            return chosen;
        this.fail(`Input '${name}' must be one of ${choices.map((c) => `'${c}'`).join(', ')}; got '${printable(value)}'.`);
        return choices[0];
    }
    /** A choice that has no default: missing is one problem, a wrong value another. */
    requiredChoice(name, choices, hint) {
        const value = this.required(name, hint);
        const chosen = choices.find((c) => c === value);
        if (chosen !== undefined)
            return chosen;
        if (value !== '')
            this.fail(`Input '${name}' must be one of ${choices.map((c) => `'${c}'`).join(', ')}; got '${printable(value)}'.`);
        return choices[0];
    }
    /** The YAML 1.2 core-schema booleans, as core.getBooleanInput accepts them. */
    boolean(name) {
        const value = this.withDefault(name);
        if (['true', 'True', 'TRUE'].includes(value))
            return true;
        if (['false', 'False', 'FALSE'].includes(value))
            return false;
        this.fail(`Input '${name}' must be 'true' or 'false'; got '${printable(value)}'.`);
        return false;
    }
    number(name, rule) {
        const value = this.withDefault(name);
        const shape = rule.integer ? /^\d+$/ : /^\d+(\.\d+)?$/;
        const n = Number(value);
        const min = rule.min ?? 0;
        if (!shape.test(value) || !(rule.min === undefined ? n > 0 : n >= min) || n > rule.max) {
            const kind = rule.integer ? 'a whole number' : 'a number';
            const low = rule.min === undefined ? 'greater than 0' : `at least ${min}`;
            this.fail(`Input '${name}' must be ${kind} ${low} and at most ${rule.max}, in decimal digits; got '${printable(value)}'.`);
            return Number(this.defaultOf(name));
        }
        return n;
    }
    /**
     * A secret input: never echoed; one line without spaces; at least MIN_SECRET_LENGTH characters,
     * because the runner masks a secret wherever it appears and a short one garbles every line.
     */
    secret(name, value, what, hint = '') {
        this.check(name, value, singleToken, `must be a single line without spaces; check that the whole ${what} was pasted${hint}`);
        this.check(name, value, (v) => !singleToken(v) || v.length >= MIN_SECRET_LENGTH, `is ${value?.length ?? 0} characters long, shorter than any real ${what} (${MIN_SECRET_LENGTH} at least); check that the right secret is passed`);
    }
    /** An absolute https:// base URL (http:// for loopback hosts only), without credentials, query or fragment. */
    baseUrl(name) {
        const value = this.withDefault(name);
        return this.checkedUrl(name, value, this.defaultOf(name)) ?? value;
    }
    /** The same rules for a URL input that has no default. */
    checkedUrl(name, value, example) {
        // Checked on the raw text: the URL parser silently drops tabs and newlines.
        if (CONTROL.test(value)) {
            this.fail(`Input '${name}' must be one line without control characters, such as '${example}'.`);
            return undefined;
        }
        const url = parseUrl(value);
        if (url === undefined || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
            this.fail(`Input '${name}' must be an absolute https:// URL such as '${example}'; got '${printable(withoutUserinfo(value))}'.`);
            return undefined;
        }
        if (url.username !== '' || url.password !== '') {
            // Never echoed: whatever stands before the '@' could be a password.
            this.fail(`Input '${name}' must not hold a user name or password; give a URL such as '${example}'.`);
            return undefined;
        }
        if (url.protocol === 'http:' && !(0,url_rules/* isLoopback */.U)(url.hostname)) {
            this.fail(`Input '${name}' must use https:// (a bearer token never travels in clear text); http:// is accepted only for loopback hosts such as localhost or 127.0.0.1.`);
        }
        if (url.search !== '' || url.hash !== '') {
            this.fail(`Input '${name}' must be a base URL without query or fragment, such as '${example}'.`);
        }
        return url.href.replace(/\/+$/, '');
    }
    defaultOf(name) {
        const value = this.defaults[name];
        if (value === undefined)
            throw new Error(`input '${name}' has no default`);
        return value;
    }
}
function singleToken(value) {
    return !WHITESPACE.test(value) && !CONTROL.test(value);
}
function hasControl(value) {
    return CONTROL.test(value);
}
function parseUrl(value) {
    try {
        return new URL(value);
    }
    catch {
        return undefined;
    }
}
/** Everything up to the last '@' after the scheme may be a user and password: it is never echoed. */
function withoutUserinfo(value) {
    const scheme = value.indexOf('//');
    const at = value.lastIndexOf('@');
    if (at === -1)
        return value;
    return scheme !== -1 && scheme < at ? `${value.slice(0, scheme + 2)}***@${value.slice(at + 1)}` : `***@${value.slice(at + 1)}`;
}
/** Echoes a non-secret value in an error message without letting it break the log line. */
function printable(value) {
    return oneLine(value, 80);
}

;// CONCATENATED MODULE: ./src/platform/session.ts
// The inputs every action shares: who calls (client, credentials, organization, sandbox), where
// (IMS, Platform) and for how long. Each action reads these first, then its own.


/** Session inputs whose values are secrets: masked before anything else happens. */
const SESSION_SECRET_INPUTS = ['client-secret', 'access-token'];
const MAX_ATTEMPTS_LIMIT = 20;
const TIMEOUT_SECONDS_LIMIT = 3600;
/** Why a secret input can be empty although the workflow passes one: said wherever one is missing. */
const MISSING_SECRET_NOTE = 'a secret that does not exist where the job runs arrives as an empty string (a misspelt secret name, a pull request from a fork, or a secret of another environment)';
const ORG_ID = /^[A-Za-z0-9]+@AdobeOrg$/;
// What HTTP lets a header value hold without encoding (Node refuses the rest, after the run has begun).
const HEADER_SAFE = /^[\x21-\x7e]+$/;
const SANDBOX = /^[a-z0-9][a-z0-9-]*$/;
const SCOPE = /^[A-Za-z0-9_.:-]+$/;
function readSession(r) {
    const clientId = r.required('client-id', 'set it to the Client ID (API key) of your Adobe Developer Console project');
    r.check('client-id', clientId, singleToken, 'must be a single word without spaces (the Client ID from the Developer Console)');
    r.check('client-id', clientId, (v) => !singleToken(v) || HEADER_SAFE.test(v), `goes into a request header, which takes printable ASCII only, but holds ${foreignCharacter(clientId)}; copy the Client ID from the Developer Console again`);
    const credentials = readCredentials(r);
    const imsOrgId = r.required('ims-org-id', "set it to your IMS organization ID, which ends in '@AdobeOrg'");
    r.check('ims-org-id', imsOrgId, (v) => ORG_ID.test(v), "must be an IMS organization ID such as '1234ABCD5678EF90@AdobeOrg'");
    const sandboxName = r.withDefault('sandbox-name');
    r.check('sandbox-name', sandboxName, (v) => SANDBOX.test(v) && v.length <= 64, `must be a sandbox name of lower-case letters, digits and hyphens (such as 'prod' or 'dev-1'); got '${printable(sandboxName)}'`);
    const scopes = normaliseScopes(r.withDefault('scopes'));
    r.check('scopes', scopes, (v) => v.split(',').every((s) => SCOPE.test(s)), 'must be a comma-separated list of IMS scopes');
    if (scopes === '')
        r.fail("Input 'scopes' must list at least one IMS scope (the default is used when the input is empty).");
    return {
        clientId,
        credentials,
        imsOrgId,
        sandboxName,
        scopes,
        imsUrl: r.baseUrl('ims-url'),
        platformUrl: r.baseUrl('platform-url'),
        timeoutSeconds: r.number('timeout-seconds', { integer: false, max: TIMEOUT_SECONDS_LIMIT }),
        maxAttempts: r.number('max-attempts', { integer: true, max: MAX_ATTEMPTS_LIMIT })
    };
}
function readCredentials(r) {
    const clientSecret = r.optional('client-secret');
    const accessToken = r.optional('access-token');
    if (clientSecret !== undefined && accessToken !== undefined) {
        r.fail("Inputs 'client-secret' and 'access-token' are both set: give exactly one ('client-secret' to let the action get a token from IMS, or 'access-token' to use a token you minted).");
    }
    else if (clientSecret === undefined && accessToken === undefined) {
        r.fail(`Input 'client-secret' or 'access-token' is required and both are empty: give the OAuth Server-to-Server client secret, or a ready IMS access token. Note that ${MISSING_SECRET_NOTE}.`);
    }
    r.secret('client-secret', clientSecret, 'client secret');
    r.secret('access-token', accessToken, 'access token', ", without 'Bearer '");
    r.check('access-token', accessToken, (v) => !singleToken(v) || HEADER_SAFE.test(v), `goes into a request header, which takes printable ASCII only, but holds ${foreignCharacter(accessToken)}; copy the token again`);
    return accessToken !== undefined ? { kind: 'access-token', accessToken } : { kind: 'client-secret', clientSecret: clientSecret ?? '' };
}
/** 'U+200B at character 12': the first character a header cannot hold, named without echoing the value. */
function foreignCharacter(value) {
    const chars = Array.from(value ?? '');
    const at = chars.findIndex((c) => !HEADER_SAFE.test(c));
    const code = chars[at]?.codePointAt(0) ?? 0;
    return `U+${code.toString(16).toUpperCase().padStart(4, '0')} at character ${at + 1} (often an invisible space pasted with it)`;
}
function normaliseScopes(value) {
    return value
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '')
        .join(',');
}
/** The base URL of each Platform service, under `platform-url`. */
function serviceUrl(session, service) {
    return `${session.platformUrl}${defaults/* SERVICE_PATHS */.z[service]}`;
}


;// CONCATENATED MODULE: ./src/dataflow/inputs.ts
// The dataflow action's inputs: the session's, then the dataflow's own (source, format, dataset,
// mapping, schedule, options, what to do with one that exists), validated before any request.




const DEFAULTS = {
    ...defaults/* SESSION_DEFAULTS */.u,
    recursive: 'false',
    encoding: 'UTF-8',
    frequency: 'once',
    'error-diagnostics': 'false',
    enabled: 'true',
    'if-exists': 'update',
    'on-source-change': 'fail',
    'wait-for-run': 'false',
    'wait-minutes': '30',
    plan: 'false',
    'dry-run': 'false'
};
const SECRET_INPUTS = SESSION_SECRET_INPUTS;
/** A job runs six hours at most. */
const MAX_WAIT_MINUTES = 360;
const FORMATS = ['delimited', 'json', 'parquet'];
const COMPRESSIONS = ['bzip2', 'gzip', 'deflate', 'zipDeflate', 'tarGzip', 'tar'];
const ENCODINGS = ['UTF-8', 'ISO-8859-1'];
const inputs_FREQUENCIES = ['once', 'minute', 'hour', 'day', 'week'];
function readConfig(getInput, nowMs) {
    const r = new InputReader(getInput, DEFAULTS);
    const session = readSession(r);
    const connectionId = r.required('connection-id', "pass the connection action's output, e.g. '${{ steps.s3.outputs.connection-id }}'");
    r.check('connection-id', connectionId, isId, `must be a connection id (a UUID); got '${printable(connectionId)}'`);
    const name = r.name('dataflow-name', 'name the dataflow');
    const description = r.description();
    const source = inputs_readSource(r);
    const datasetId = r.required('dataset-id', 'give the id of the dataset the files go into (Datasets in the Platform UI)');
    r.check('dataset-id', datasetId, isId, `must be a dataset id (24 hex digits, as the Platform UI shows it); got '${printable(datasetId)}'`);
    const mappingFile = r.optional('mapping');
    r.check('mapping', mappingFile, (v) => !hasControl(v) && v.length <= 1024, 'must be one line: the workspace path of a .json or .csv mapping file');
    if (mappingFile === undefined && source.format === 'delimited') {
        r.fail("Input 'mapping' is required with 'data-format: delimited': give the workspace path of a mapping file (a JSON array of {source, destination} or a CSV with source,destination columns).");
    }
    const schedule = readSchedule(r, nowMs);
    const partial = r.optional('partial-ingestion-percent');
    r.check('partial-ingestion-percent', partial, (v) => /^\d+(\.\d+)?$/.test(v) && Number(v) > 0 && Number(v) <= 100, 'must be a number above 0 and at most 100 (the error threshold, in percent)');
    const config = {
        session,
        baseUrls: {
            'Flow Service': serviceUrl(session, 'flowService'),
            Catalog: serviceUrl(session, 'catalog'),
            'Data Prep': serviceUrl(session, 'dataPrep')
        },
        connectionId,
        name,
        ...(description !== undefined && { description }),
        source,
        datasetId,
        ...(mappingFile !== undefined && { mappingFile }),
        schedule,
        ...(partial !== undefined && { partialIngestionPercent: Number(partial) }),
        errorDiagnostics: r.boolean('error-diagnostics'),
        enabled: r.boolean('enabled'),
        ifExists: r.choice('if-exists', ['update', 'reuse', 'fail']),
        onSourceChange: r.choice('on-source-change', ['fail', 'replace']),
        waitForRun: r.boolean('wait-for-run'),
        waitMinutes: r.number('wait-minutes', { integer: false, max: MAX_WAIT_MINUTES }),
        plan: r.boolean('plan'),
        dryRun: r.boolean('dry-run')
    };
    if (config.plan && config.dryRun)
        r.fail("Inputs 'plan' and 'dry-run' are both set: 'plan' reads what exists and changes nothing, 'dry-run' sends nothing at all; choose one.");
    if (config.plan && config.waitForRun)
        r.fail("Input 'wait-for-run' waits for a run after a write, and 'plan' writes nothing: remove one.");
    r.done();
    return config;
}
function inputs_readSource(r) {
    const path = r.required('source-path', "give the file, folder or wildcard path to read, as explore listings give it ('/my-bucket/daily/*.csv')");
    r.check('source-path', path, (v) => v.startsWith('/') && !hasControl(v) && v.length <= 2048, "must be one line starting with '/', as explore listings give paths");
    const format = r.requiredChoice('data-format', FORMATS, "say how the files are written: 'delimited', 'json' or 'parquet'");
    const compression = r.optional('compression-type') !== undefined ? r.choice('compression-type', COMPRESSIONS) : undefined;
    const source = {
        path,
        recursive: r.boolean('recursive'),
        format,
        ...(compression !== undefined && { compressionType: compression })
    };
    const delimiter = r.getRaw('column-delimiter');
    if (format !== 'delimited') {
        if (delimiter !== '')
            r.fail("Input 'column-delimiter' is only used with 'data-format: delimited'; remove it.");
        return source;
    }
    const columnDelimiter = delimiter === '' ? ',' : delimiter;
    r.check('column-delimiter', columnDelimiter, (v) => Array.from(v).length === 1 && (v === '\t' || !hasControl(v)), `must be exactly one character (such as ',' or '|'); got '${printable(columnDelimiter)}'`);
    return { ...source, columnDelimiter, encoding: r.choice('encoding', ENCODINGS) };
}
function readSchedule(r, nowMs) {
    const frequency = r.choice('frequency', inputs_FREQUENCIES);
    const intervalInput = r.optional('interval');
    const backfillInput = r.optional('backfill');
    const startInput = r.optional('start-time');
    const startTime = startInput !== undefined ? readStartTime(r, startInput, nowMs) : undefined;
    if (frequency === 'once') {
        if (intervalInput !== undefined)
            r.fail("Input 'interval' is not allowed with 'frequency: once'; remove it, or choose minute, hour, day or week.");
        if (backfillInput !== undefined)
            r.fail("Input 'backfill' is not allowed with 'frequency: once'; remove it, or choose minute, hour, day or week.");
        return { frequency, ...(startTime !== undefined && { startTime }) };
    }
    const min = frequency === 'minute' ? 15 : 1;
    const interval = intervalInput === undefined ? (frequency === 'minute' ? 15 : 1) : Number(intervalInput);
    r.check('interval', intervalInput, (v) => /^\d+$/.test(v) && Number(v) >= min && Number(v) <= 1000, `must be a whole number from ${min} to 1000 with 'frequency: ${frequency}'`);
    let backfill = true;
    if (backfillInput !== undefined) {
        if (['false', 'False', 'FALSE'].includes(backfillInput))
            backfill = false;
        else if (!['true', 'True', 'TRUE'].includes(backfillInput))
            r.fail(`Input 'backfill' must be 'true' or 'false'; got '${printable(backfillInput)}'.`);
    }
    return { frequency, interval, backfill, ...(startTime !== undefined && { startTime }) };
}
/** ISO 8601 or epoch seconds, as epoch seconds. Whether it has passed is checked when a dataflow is created. */
function readStartTime(r, value, nowMs) {
    const seconds = /^\d{9,11}$/.test(value) ? Number(value) : /^\d{4}-\d{2}-\d{2}T/.test(value) ? Date.parse(value) / 1000 : Number.NaN;
    if (!Number.isFinite(seconds)) {
        r.fail(`Input 'start-time' must be ISO 8601 ('2026-12-01T06:00:00Z') or epoch seconds; got '${printable(value)}'.`);
        return undefined;
    }
    if (seconds > nowMs / 1000 + 366 * 24 * 3600)
        r.fail(`Input 'start-time' is more than a year ahead; got '${printable(value)}'.`);
    return Math.floor(seconds);
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/dataflow/mapping-file.ts
// Reading the mapping input: a file in the workspace, never outside it, never large.





/** The mapping file's entries, checked locally; `workspace` is GITHUB_WORKSPACE (the checkout). */
function readMappingFile(file, workspace, format) {
    const root = (0,external_node_fs_.realpathSync)(workspace);
    const path = (0,external_node_path_.resolve)(root, file);
    let real;
    try {
        real = (0,external_node_fs_.realpathSync)(path);
    }
    catch {
        throw new InputError([
            `Input 'mapping' names ${quoted(file)}, which does not exist in the workspace (${root}); check the path, and that the job checked the repository out.`
        ]);
    }
    const inside = (0,external_node_path_.relative)(root, real);
    if (inside.startsWith('..') || (0,external_node_path_.isAbsolute)(inside)) {
        throw new InputError([`Input 'mapping' must name a file inside the workspace; ${quoted(file)} is outside it.`]);
    }
    const size = (0,external_node_fs_.statSync)(real).size;
    if (size > MAX_MAPPING_BYTES)
        throw new InputError([`Input 'mapping' names a file of ${size} bytes; a mapping file is at most ${MAX_MAPPING_BYTES}.`]);
    return parseMapping((0,external_node_fs_.readFileSync)(real, 'utf8'), file, format);
}

;// CONCATENATED MODULE: ./src/dataflow/runs.ts
// Waiting for a dataflow's first run after a write: which run that is, and whether it ended.


/** A run's status has no authoritative list: success ends well, failed ends badly, anything else is still going. */
function endOf(run) {
    const status = run.status.toLowerCase();
    return status === 'success' ? 'success' : status === 'failed' ? 'failed' : undefined;
}
/** Clocks differ: a run that started this long before the write may still be the write's. */
const CLOCK_SKEW_MS = 5000;
/** The earliest run that started after `sinceMs`. */
function firstRunAfter(runs, sinceMs) {
    return [...runs]
        .filter((r) => r.startedAt !== undefined && r.startedAt >= sinceMs - CLOCK_SKEW_MS)
        .sort((a, b) => (a.startedAt ?? 0) - (b.startedAt ?? 0))[0];
}
/** Waits between looks at the runs: 2 s, doubling to a minute, never past the end of the wait. */
function nextLookMs(look, leftMs) {
    return Math.max(0, Math.min(2000 * 2 ** (look - 1), 60_000, leftMs));
}
class RunFailedError extends Error {
    run;
    constructor(run, message) {
        super(message);
        this.run = run;
        this.name = 'RunFailedError';
    }
}
class NoRunError extends Error {
    constructor(message) {
        super(message);
        this.name = 'NoRunError';
    }
}
/** Looks at the runs with backoff until the first run after `sinceMs` ends, within `waitMs`. */
async function waitForRun(d, flowId, sinceMs, waitMs) {
    const started = d.clock.now();
    for (let look = 1;; look++) {
        const run = firstRunAfter(await d.runs(), sinceMs);
        const end = run !== undefined ? endOf(run) : undefined;
        if (run !== undefined && end === 'failed') {
            const errors = run.errors.length > 0 ? `: ${run.errors.map((e) => oneLine(e, 300).replace(/\.+$/, '')).join('; ')}` : '';
            throw new RunFailedError(run, `Run ${run.id} of dataflow ${flowId} failed (${counts(run)})${errors}.`);
        }
        if (run !== undefined && end === 'success')
            return run;
        const leftMs = waitMs - (d.clock.now() - started);
        if (leftMs <= 0) {
            const state = run === undefined ? 'no run had started' : `run ${run.id} was still ${oneLine(run.status || 'pending', 40)}`;
            throw new NoRunError(`No run of dataflow ${flowId} ended within ${formatSeconds(waitMs)} (wait-minutes) after the write: ${state}. Runs start about 2 to 3 minutes after the start time; raise wait-minutes, or look at the dataflow's runs in the Platform UI.`);
        }
        const delay = nextLookMs(look, leftMs);
        d.log(`${run === undefined ? 'No run of the dataflow yet' : `Run ${run.id} is ${oneLine(run.status || 'pending', 40)}`}; looking again in ${formatSeconds(delay)}.`);
        await d.clock.sleep(delay);
    }
}
function counts(run) {
    return `${run.recordsRead ?? '?'} records read, ${run.recordsWritten ?? '?'} written, ${run.recordsFailed ?? '?'} failed`;
}

;// CONCATENATED MODULE: ./src/platform/summary.ts
// The job summary, built from parts that escape every value: a server's text can neither break
// out of its table cell nor add markup. Writing it never decides a run's outcome.



class Summary {
    parts = [];
    heading(text) {
        this.parts.push(`<h3>${summaryText(text)}</h3>`);
        return this;
    }
    /** A two-column table of facts; values in code style. */
    facts(rows) {
        return this.table(['Field', 'Value'], rows.map(([field, value]) => [field, value]), { codeColumns: [1] });
    }
    /** A table; every cell is escaped. */
    table(header, rows, options = {}) {
        const code = new Set(options.codeColumns ?? []);
        const cell = (value, column) => (code.has(column) ? `<code>${summaryText(value)}</code>` : summaryText(value));
        const head = `<tr>${header.map((h) => `<th>${summaryText(h)}</th>`).join('')}</tr>`;
        const body = rows.map((row) => `<tr>${row.map((value, column) => `<td>${cell(value, column)}</td>`).join('')}</tr>`);
        this.parts.push(`<table>${head}${body.join('')}</table>`);
        return this;
    }
    /** What every action's dry run says in its summary. */
    dryRun() {
        return this.paragraph('the inputs are valid; no token was requested and nothing was sent. The step log lists the requests a real run would send.', 'Dry run:');
    }
    paragraph(text, label) {
        this.parts.push(`<p>${label !== undefined ? `<strong>${summaryText(label)}</strong> ` : ''}${summaryText(text, 2000)}</p>`);
        return this;
    }
    link(text, url) {
        // Only the run's own URL (from the runner's environment) is linked; it is escaped all the same.
        if (/^https:\/\//.test(url))
            this.parts.push(`<p><a href="${summaryText(url)}">${summaryText(text)}</a></p>`);
        return this;
    }
    /** Appends to the step's summary file; outside a runner there is none, and nothing is written. */
    async write() {
        if (!process.env.GITHUB_STEP_SUMMARY)
            return;
        try {
            await core/* summary */.z.addRaw(this.parts.join('\n'), true).write();
        }
        catch (error) {
            // The summary decorates the run; it never decides its outcome.
            core/* warning */.$e(`Could not write the job summary: ${errorMessage(error)}`);
        }
        finally {
            core/* summary */.z.emptyBuffer();
        }
    }
}

;// CONCATENATED MODULE: ./src/dataflow/summary.ts
// The dataflow action's job summary: the dataflow and its parts, what changed, and its run.

async function writeSummary(facts) {
    const summary = new Summary().heading(`Dataflow ${facts.name}`).facts([
        ['Operation', facts.operation],
        ['Dataflow ID', facts.flowId ?? '-'],
        ['Source connection', facts.sourceId ?? '-'],
        ['Target connection', facts.targetId ?? '-'],
        ['Mapping set', facts.mapping !== undefined ? `${facts.mapping.id} version ${facts.mapping.version}` : '-']
    ]);
    if (facts.changes.length > 0) {
        summary.table(['Action', 'Object', 'Field', 'From', 'To', 'Note'], facts.changes.map((c) => [c.action, c.object, c.field ?? '', shown(c.from), shown(c.to), c.note ?? '']));
    }
    if (facts.run !== undefined) {
        const { run } = facts;
        summary.facts([
            ['Run', run.id],
            ['Status', run.status],
            ['Records read', String(run.recordsRead ?? '-')],
            ['Records written', String(run.recordsWritten ?? '-')],
            ['Records failed', String(run.recordsFailed ?? '-')]
        ]);
    }
    if (facts.operation === 'dry-run')
        summary.dryRun();
    if (facts.error !== undefined)
        summary.paragraph(facts.error, 'Failed:');
    if (facts.runUrl !== undefined)
        summary.link('Workflow run', facts.runUrl);
    await summary.write();
}
function shown(value) {
    return value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
}

;// CONCATENATED MODULE: ./src/dataflow/main.ts
// The story of one dataflow run: read and check the inputs and the mapping, open the session,
// make the sandbox hold the dataflow the inputs describe (or say what would change), wait for
// its run when asked, write outputs.











const USER_AGENT = 'aep-s3-dataflow-action/1';
const HINTS = {
    'FLOW-1360-400': "check 'start-time': it must not be in the past",
    'FLOW-1425-400': "the mapping's schema is not the dataset's; check 'dataset-id'",
    'FLOW-1418-400': 'a dataflow still uses the connection'
};
async function run() {
    const rt = createRuntime();
    let config;
    let session;
    let context;
    const facts = {};
    try {
        config = readConfig(runnerInputs(rt, SECRET_INPUTS), Date.now());
        const mappings = config.mappingFile !== undefined
            ? readMappingFile(config.mappingFile, process.env.GITHUB_WORKSPACE ?? process.cwd(), config.source.format)
            : undefined;
        if (config.dryRun) {
            const runContext = await loadRunContext();
            const description = config.description ?? defaultDescription(runContext);
            // Multi-line on purpose; every secret in it is redacted.
            core/* info */.pq(rt.secrets.redact(describeDryRun(config, mappings, description, Date.now()).join('\n')));
            setOutputs({ operation: 'dry-run' });
            await summarize(config, Promise.resolve(runContext), { operation: 'dry-run' });
            return;
        }
        const connecting = connect(config.session, rt, {
            makesThings: true,
            // Looking at the runs after the write comes on top of timeout-seconds, which bounds the write.
            ...(config.waitForRun && { wait: { seconds: config.waitMinutes * 60, input: 'wait-minutes' } }),
            userAgent: USER_AGENT,
            baseUrls: config.baseUrls,
            warm: ['Flow Service'],
            hints: HINTS
        });
        context = loadRunContext();
        session = await connecting;
        const client = new DataflowClient(session.api, systemClock);
        const startedAt = Date.now();
        const outcome = await ensureDataflow({
            client,
            cleanup: client.over(session.cleanup),
            clock: systemClock,
            log: rt.info,
            warn: rt.warning,
            remainingMs: () => session?.api.remainingMs() ?? 0
        }, { wanted: wantedOf(config, mappings), description: config.description ?? defaultDescription(await context), plan: config.plan });
        Object.assign(facts, factsOf(outcome));
        rt.info(`Dataflow ${outcome.flowId ?? '(none yet)'}: ${outcome.operation}; ${outcome.changes.length} change(s)${outcome.changes.length > 0 ? ':' : '.'}`);
        for (const change of outcome.changes)
            rt.info(`  - ${describeChange(change)}`);
        setOutputs(outputsOf(outcome));
        if (config.waitForRun && outcome.flowId !== undefined) {
            const flowId = outcome.flowId;
            const waiting = client.over(session.waiting());
            const ran = await waitForRun({ runs: () => waiting.runs(flowId), clock: systemClock, log: rt.info }, flowId, outcome.wroteAt ?? startedAt, config.waitMinutes * 60_000);
            facts.run = ran;
            reportRun(rt, ran);
            setOutputs(runOutputs(ran));
        }
        await summarize(config, context, facts);
    }
    catch (error) {
        const message = failStep(rt, error);
        if (config !== undefined && !config.dryRun)
            await summarize(config, context, { ...facts, error: message });
    }
    finally {
        session?.close();
    }
}
function wantedOf(config, mappings) {
    return {
        name: config.name,
        ...(config.description !== undefined && { description: config.description }),
        baseConnectionId: config.connectionId,
        source: config.source,
        datasetId: config.datasetId,
        ...(mappings !== undefined && { mappings }),
        schedule: config.schedule,
        ...(config.partialIngestionPercent !== undefined && { partialIngestionPercent: config.partialIngestionPercent }),
        errorDiagnostics: config.errorDiagnostics,
        enabled: config.enabled,
        ifExists: config.ifExists,
        onSourceChange: config.onSourceChange
    };
}
function outputsOf(outcome) {
    return {
        'dataflow-id': outcome.flowId ?? '',
        etag: outcome.etag ?? '',
        'source-connection-id': outcome.sourceId ?? '',
        'target-connection-id': outcome.targetId ?? '',
        'mapping-set-id': outcome.mapping?.id ?? '',
        'mapping-version': outcome.mapping !== undefined ? String(outcome.mapping.version) : '',
        operation: outcome.operation,
        changes: JSON.stringify(outcome.changes)
    };
}
function runOutputs(ran) {
    const count = (n) => (n === undefined ? '' : String(n));
    return {
        'run-id': ran.id,
        'run-status': ran.status,
        'records-read': count(ran.recordsRead),
        'records-written': count(ran.recordsWritten),
        'records-failed': count(ran.recordsFailed)
    };
}
function reportRun(rt, ran) {
    rt.info(`Run ${ran.id} ended: ${ran.status} (${counts(ran)}).`);
    // A success may still have dropped records (partial ingestion): said, not failed.
    if ((ran.recordsFailed ?? 0) > 0)
        rt.warning(`Run ${ran.id} succeeded with ${ran.recordsFailed ?? 0} failed record(s) (partial ingestion); see the dataflow's run in the Platform UI.`);
}
function factsOf(outcome) {
    return {
        operation: outcome.operation,
        changes: outcome.changes,
        ...(outcome.flowId !== undefined && { flowId: outcome.flowId }),
        ...(outcome.sourceId !== undefined && { sourceId: outcome.sourceId }),
        ...(outcome.targetId !== undefined && { targetId: outcome.targetId }),
        ...(outcome.mapping !== undefined && { mapping: outcome.mapping })
    };
}
async function summarize(config, context, facts) {
    const { runUrl } = context !== undefined ? await context : {};
    await writeSummary({ name: config.name, operation: 'failed', changes: [], ...facts, ...(runUrl !== undefined && { runUrl }) });
}


/***/ })

};
