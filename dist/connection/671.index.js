export const id = 671;
export const ids = [671];
export const modules = {

/***/ 6671:
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

;// CONCATENATED MODULE: ./src/platform/explore.ts
// Listing what a base connection sees (Flow Service's explore): the connection action's
// verification and the explore action both read it. Entries are server values: checked here,
// printed elsewhere through oneLine and the summary's escaping.


const EXPLORE_LABEL = 'GET /connections/{id}/explore';
/** Lists the root, or the folder at `folder` (a path as a listing gave it). */
function listCall(connectionId, folder) {
    const query = folder === undefined ? 'objectType=root' : `objectType=folder&object=${encodeURIComponent(folder)}`;
    return {
        service: 'Flow Service',
        method: 'GET',
        path: `/connections/${encodeURIComponent(connectionId)}/explore?${query}`,
        label: EXPLORE_LABEL
    };
}
/** Longest name or path kept from a listing: S3 keys are at most 1024 bytes. */
const MAX_PATH = 2048;
function readListing(json) {
    if (!Array.isArray(json))
        throw new UnexpectedResponseError('Flow Service', EXPLORE_LABEL, 'the listing is not a JSON array');
    return json.flatMap((value) => {
        if (!isObject(value) || typeof value.type !== 'string' || typeof value.name !== 'string')
            return [];
        const path = typeof value.path === 'string' ? value.path : value.name;
        if (value.name.length > MAX_PATH || path.length > MAX_PATH)
            return [];
        return [
            {
                type: value.type.toLowerCase(),
                name: value.name,
                path,
                ...(typeof value.canPreview === 'boolean' && { canPreview: value.canPreview })
            }
        ];
    });
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

;// CONCATENATED MODULE: ./src/connection/creation-mark.ts
// A create carries a mark at the end of its description until the run has its answer. Flow Service
// has no idempotency key and names are not unique, so after an answer that was lost, the mark is
// what tells this run's connection from one a concurrent run made at the same moment; the
// description is the only free field of a create (name, description, auth, connectionSpec). Once
// the run knows its connection, the mark is taken out (while it lists again, costing no round trip).

/** ' [creating 3f9a1c2e]': a space, then 8 hex digits in brackets, at the very end. */
const MARK = / \[creating ([0-9a-f]{8})\]$/;
const MARK_LENGTH = ' [creating 00000000]'.length;
/** The description a create sends (mark: 8 hex digits): the wanted one, cut if it must be to leave room, then the mark. */
function marked(description, mark) {
    return `${description.slice(0, MAX_DESCRIPTION_LENGTH - MARK_LENGTH)} [creating ${mark}]`;
}
/** The mark a description ends with, if it ends with one. */
function markOf(description) {
    return description === undefined ? undefined : MARK.exec(description)?.[1];
}
/** The description without its mark: what a create that never finished (a killed run) meant. */
function unmarked(description) {
    return description.replace(MARK, '');
}

;// CONCATENATED MODULE: ./src/connection/requests.ts
// Every request the connection action sends, as pure descriptions (Calls): the real run sends
// them and the dry run prints them, so that the two cannot disagree.

/** Auth spec names of the Amazon S3 source connection spec. */
const AUTH_SPEC_NAMES = { 'access-key': 'Access Key', 'iam-role': 'IAMRole Based' };
/** Asked for explicitly: Adobe documents continuation tokens for requests with a limit. */
const PAGE_LIMIT = 100;
function authFor(s3) {
    if (s3.type === 'iam-role')
        return { specName: AUTH_SPEC_NAMES['iam-role'], params: { bucketName: s3.bucketName } };
    const optional = (key, value) => (value === undefined ? {} : { [key]: value });
    return {
        specName: AUTH_SPEC_NAMES['access-key'],
        params: {
            s3AccessKey: s3.accessKey,
            s3SecretKey: s3.secretKey,
            ...optional('s3SessionToken', s3.sessionToken),
            ...optional('serviceUrl', s3.serviceUrl),
            ...optional('bucketName', s3.bucketName),
            ...optional('folderPath', s3.folderPath)
        }
    };
}
function newConnection(config, name, description) {
    return { name, description, auth: authFor(config.s3), connectionSpec: config.connectionSpec };
}
/**
 * The lookup's query: `property` filters with URL-encoded values and a page size. A comma inside
 * a value means OR to the service, so a name that holds one cannot be filtered on: those names
 * are matched on the client only (as every name is, exactly).
 */
function lookupCall(name, specId) {
    const filters = [`property=connectionSpec.id==${encodeURIComponent(specId)}`];
    if (name !== undefined && !name.includes(','))
        filters.unshift(`property=name==${encodeURIComponent(name)}`);
    return {
        service: 'Flow Service',
        method: 'GET',
        path: `/connections?${[...filters, `limit=${PAGE_LIMIT}`].join('&')}`,
        label: 'GET /connections'
    };
}
function getCall(id) {
    return { service: 'Flow Service', method: 'GET', path: `/connections/${encodeURIComponent(id)}`, label: 'GET /connections/{id}' };
}
function createCall(body) {
    return { service: 'Flow Service', method: 'POST', path: '/connections', label: 'POST /connections', body };
}
/** A PATCH guarded by the etag; 412 is the update logic's to handle (read again, retry once). */
function patchCall(id, etag, operations) {
    return {
        service: 'Flow Service',
        method: 'PATCH',
        path: `/connections/${encodeURIComponent(id)}`,
        label: 'PATCH /connections/{id}',
        body: operations,
        ifMatch: etag,
        accept: [412]
    };
}
/** A delete; 404 means it is gone already, which is what was wanted. */
function deleteCall(id) {
    return {
        service: 'Flow Service',
        method: 'DELETE',
        path: `/connections/${encodeURIComponent(id)}`,
        label: 'DELETE /connections/{id}',
        accept: [404]
    };
}
/**
 * The update: new auth params, and the description when one was given, or when the current one
 * still carries the mark of a create that never finished (a killed run). JSON Patch cannot
 * replace a member that is not there, so the op follows the item just read.
 */
function patchOperations(auth, description, current) {
    const operations = [{ op: 'replace', path: '/auth/params', value: auth.params }];
    const left = current.description !== undefined && markOf(current.description) !== undefined ? unmarked(current.description) : undefined;
    const wanted = description ?? left;
    if (wanted !== undefined) {
        operations.push({ op: current.description === undefined ? 'add' : 'replace', path: '/description', value: wanted });
    }
    return operations;
}
/** Takes a create's mark out: the description alone, as the inputs want it. */
function unmarkOperations(description) {
    return [{ op: 'replace', path: '/description', value: description }];
}
/**
 * What verification lists: the bucket (and folder) the connection is restricted to, when it is,
 * because a least-privilege policy (s3:ListBucket on one bucket, no s3:ListAllMyBuckets) refuses
 * the root; else the root. Adobe does not document whether explore paths start with the bucket:
 * listings show '/bucket/folder/', and that is the form used here (an assumption).
 */
function verifyObject(s3) {
    if (s3.bucketName === undefined)
        return undefined;
    const folder = s3.type === 'access-key' ? (s3.folderPath ?? '').replace(/^\/+|\/+$/g, '') : '';
    return folder === '' ? `/${s3.bucketName}/` : `/${s3.bucketName}/${folder}/`;
}

;// CONCATENATED MODULE: ./src/connection/client.ts
// The Flow Service routes of base connections, typed: it knows Adobe's paths, bodies and answers
// (each checked before use); the transport below it knows retries; the logic above it knows why.







const FLOW = 'Flow Service';
class ConnectionsClient {
    api;
    constructor(api) {
        this.api = api;
    }
    /** Every connection in the sandbox with exactly this name and spec, across all pages. */
    find(name, specId) {
        return this.list(lookupCall(name, specId), (item) => item.name === name && sameId(item.spec.id, specId));
    }
    /** Every connection of the spec whose name passes `wanted` (the verification probes). */
    findNamed(specId, wanted) {
        return this.list(lookupCall(undefined, specId), (item) => wanted(item.name) && sameId(item.spec.id, specId));
    }
    async get(id) {
        const call = getCall(id);
        const res = await this.api.send(call);
        const items = isObject(res.json) ? res.json.items : undefined;
        const item = Array.isArray(items) ? readItem(items[0], call.label) : undefined;
        if (item === undefined)
            throw unexpected(call.label, 'no connection in "items"');
        return item;
    }
    /** Creates a connection; `recover` is asked, after an attempt with an unknown outcome, whether it was created anyway. */
    async create(body, recover) {
        const call = createCall(body);
        const res = await this.api.sendOrRecover(call, recover);
        return isRecovered(res) ? res : this.written(res, call.label);
    }
    /** Applies a JSON Patch guarded by the etag; 'stale' when the etag is no longer the connection's. */
    async patch(id, etag, operations) {
        const call = patchCall(id, etag, operations);
        const res = await this.api.send(call);
        return res.status === 412 ? 'stale' : this.written(res, call.label);
    }
    async delete(id) {
        await this.api.send(deleteCall(id));
    }
    /** Lists the root, or a folder, through the connection. */
    async explore(id, folder) {
        const res = await this.api.send(listCall(id, folder));
        return readListing(res.json);
    }
    /** The etag of a found connection: from the listing, or read when the listing lacked one. */
    async etagOf(item) {
        if (item.etag !== undefined)
            return item.etag;
        const read = await this.get(item.id);
        if (read.etag === undefined)
            throw unexpected('GET /connections/{id}', `connection ${item.id} has no "etag", so it cannot be updated safely`);
        return read.etag;
    }
    list(first, keep) {
        const baseUrl = this.api.target.baseUrls[FLOW];
        const page = async (next) => {
            const res = await this.api.send(followPage(first, next, baseUrl));
            const list = isObject(res.json) ? res.json : undefined;
            if (list === undefined || !Array.isArray(list.items))
                throw unexpected(first.label, 'no "items" array');
            // Only exact matches are read (the service's filter syntax is loose); the rest is not used.
            const items = list.items.flatMap((value) => {
                const item = readItem(value, first.label, keep);
                return item === undefined ? [] : [item];
            });
            const following = continuationOf(list);
            return following === undefined ? { items } : { items, next: following };
        };
        return listAll(page, (item) => item.id.toLowerCase(), { service: FLOW, label: first.label });
    }
    /** A create or patch answer: its id, and a usable etag (read back when the answer lacks one). */
    async written(res, label) {
        const body = isObject(res.json) ? res.json : {};
        const id = readId(body.id, 'id', { service: FLOW, label });
        if (isEtag(body.etag))
            return { id, etag: body.etag };
        const read = await this.get(id);
        return { id, etag: readEtag(read.etag, 'etag', { service: FLOW, label: 'GET /connections/{id}' }) };
    }
}
/**
 * A listed or read item, checked; undefined when it is not one this run uses (`keep`). An item
 * it does use must carry a valid id, and an etag that is valid when present.
 */
function readItem(value, label, keep = () => true) {
    if (!isObject(value) || typeof value.name !== 'string' || !isObject(value.connectionSpec))
        return undefined;
    const spec = value.connectionSpec;
    const candidate = {
        id: typeof value.id === 'string' ? value.id : '',
        name: value.name,
        spec: { id: typeof spec.id === 'string' ? spec.id : '', version: typeof spec.version === 'string' ? spec.version : '' },
        ...(typeof value.description === 'string' && { description: value.description }),
        ...(isObject(value.auth) && typeof value.auth.specName === 'string' && { authSpecName: value.auth.specName }),
        ...(typeof value.createdAt === 'number' && Number.isFinite(value.createdAt) && { createdAt: value.createdAt })
    };
    if (!keep(candidate))
        return undefined;
    const origin = { service: FLOW, label };
    const id = readId(value.id, 'id', origin);
    const etag = value.etag === undefined ? undefined : readEtag(value.etag, 'etag', origin);
    return { ...candidate, id, ...(etag !== undefined && { etag }) };
}
function unexpected(label, problem) {
    return new UnexpectedResponseError(FLOW, label, problem);
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

// EXTERNAL MODULE: ./src/platform/defaults.ts
var defaults = __webpack_require__(4069);
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


;// CONCATENATED MODULE: ./src/connection/probe.ts
// Verification probes: short-lived connections that carry the run's new credentials, so that
// Flow Service can prove them (by listing the bucket) before the live connection changes.
// Naming and the leftover rule are pure; the lifecycle (create, explore, delete) is below.


const probe_MARK = ' (verify probe: ';
/**
 * `S3 Connection (verify probe: octo-org/pipeline run 4242 attempt 1)`: a person in the Platform
 * UI sees what it is and which run made it; a later run of the workflow recognises it.
 */
function probeName(connectionName, owner, nowMs, nonce) {
    // The jobs of a matrix share their run id and attempt: the nonce tells their probes apart.
    const run = owner.runId !== undefined
        ? `${owner.repository ?? 'unknown repository'} run ${owner.runId} attempt ${owner.runAttempt ?? 1}`
        : `a run outside GitHub Actions at ${new Date(nowMs).toISOString()}`;
    return `${connectionName}${probe_MARK}${run}, ${nonce})`;
}
function isProbeOf(connectionName, name) {
    return name.startsWith(`${connectionName}${probe_MARK}`) && name.endsWith(')');
}
/** Which run made a probe, as far as its name says. */
function probeOwner(connectionName, name) {
    const run = name.slice(`${connectionName}${probe_MARK}`.length, -1);
    const match = /^(.*) run (\d+) attempt (\d+), [0-9a-f]+$/.exec(run);
    if (match === null)
        return {};
    return { repository: match[1] ?? '', runId: Number(match[2]), runAttempt: Number(match[3]) };
}
/** No run lives longer than the longest timeout-seconds; a margin covers clock skew. */
const PROBE_MAX_AGE_MS = (TIMEOUT_SECONDS_LIMIT + 300) * 1000;
/**
 * Whether a probe of this connection was left by a run that is surely over: one older than any
 * run can last, or one of an earlier attempt of this very run (a re-run starts after the earlier
 * attempt ended). Another run's probe may be in use right now, and is left alone.
 */
function isLeftover(probe, connectionName, self, nowMs) {
    if (probe.createdAt !== undefined && nowMs - probe.createdAt > PROBE_MAX_AGE_MS)
        return true;
    const owner = probeOwner(connectionName, probe.name);
    return (self.runId !== undefined &&
        owner.runId === self.runId &&
        owner.repository === (self.repository ?? 'unknown repository') &&
        (owner.runAttempt ?? 0) < (self.runAttempt ?? 1));
}
/** The probe's create body: the run's new credentials, under a name and description that say what it is. */
function probeBody(connection, auth, owner, name) {
    const madeBy = owner.runUrl !== undefined ? `, made by ${owner.runUrl}` : '';
    return {
        name,
        description: `Verification probe of connection ${quoted(connection.name)}${madeBy}: it proves new credentials before they replace the live ones, and is deleted by that run (or, if it was killed, by a later one).`,
        auth,
        connectionSpec: connection.spec
    };
}

;// CONCATENATED MODULE: ./src/connection/dry-run.ts
// dry-run: true prints what a real run would send, and sends nothing. The requests are the real
// run's own (the same builders); the caller redacts every secret in them before printing.





/** Stands for the create's random mark, which only a real run draws. */
const MARK_SHOWN = '00000000';
/** The lines to print: each request a real run could send, in order, with when it is sent. */
function describeDryRun(config, description, context, nowMs) {
    const plan = new DryRunPlan(dryRunTarget(config.session, { 'Flow Service': config.flowServiceUrl, Catalog: '', 'Data Prep': '' })).token(config.session);
    const auth = authFor(config.s3);
    const { connectionName: name, connectionSpec: spec } = config;
    if (config.verify) {
        const probe = probeBody({ name, spec }, auth, context, probeName(name, context, nowMs, '{nonce}'));
        plan.call('verify: true; sent with the lookup: a short-lived probe with the new credentials', createCall(probe));
        plan.call('verify: true; sent with the lookup: probes of this connection that earlier, killed runs left behind (each is deleted)', lookupCall(undefined, spec.id));
    }
    plan.call('Find the connection by name and spec (every page is read)', lookupCall(name, spec.id));
    if (config.verify)
        plan.call('verify: true; before any write: list the bucket through the probe', listCall('{probe id}', verifyObject(config.s3)));
    const create = newConnection(config, name, marked(description, MARK_SHOWN));
    const unmark = patchCall('{id}', '{its etag}', unmarkOperations(description));
    const unmarkWhen = `After a create: take the creation mark (a random ${MARK_SHOWN}) out of the description`;
    if (config.ifExists === 'create') {
        plan.call('Create another connection (if-exists: create)', createCall(create));
        plan.call(unmarkWhen, unmark);
    }
    else {
        plan.call('When none exists: create it', createCall(create));
        plan.call(`${unmarkWhen}, while listing again`, unmark);
        plan.call('After a create: list again, and keep the oldest if a concurrent run created one too', lookupCall(name, spec.id));
        const when = `When one exists (if-exists: ${config.ifExists})`;
        // The op for /description follows the connection read: 'replace' when it has one, else 'add'.
        if (config.ifExists === 'update')
            plan.call(`${when}: update it; /description is 'add' when it has none`, patchCall('{id}', '{its etag}', patchOperations(auth, config.description, { description: '' })));
        if (config.ifExists === 'reuse')
            plan.note(`${when}: change nothing; its id and etag become the outputs`);
        if (config.ifExists === 'fail')
            plan.note(`${when}: the step fails`);
    }
    if (config.verify) {
        if (config.ifExists === 'reuse')
            plan.call('verify: true; when one exists: list the bucket through it', listCall('{id}', verifyObject(config.s3)));
        plan.call('verify: true; with the write: delete the probe', deleteCall('{probe id}'));
    }
    return plan.lines();
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
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

;// CONCATENATED MODULE: ./src/connection/decide.ts
// What a run does with what the sandbox holds: pure functions of (what exists, the inputs),
// each row of the README's decision table a unit test.


/** Which of a listing's ids a message shows; the rest are counted. */
const MAX_IDS_SHOWN = 10;
function decide(found, plan) {
    if (plan.ifExists === 'create' || found.length === 0)
        return { kind: 'create' };
    return decideExisting(found, plan);
}
/** What if-exists says when connections exist (also for one adopted or kept after a create). */
function decideExisting(found, plan) {
    const where = `in sandbox ${quoted(plan.sandboxName)}`;
    const [only, ...others] = found;
    if (only === undefined || others.length > 0) {
        return {
            kind: 'fail',
            reason: `${found.length} connections named ${quoted(plan.name)} exist ${where}${idList(found)}; if-exists '${plan.ifExists}' needs at most one, so nothing was changed. ` +
                'Delete the extra ones (DELETE /connections/{id}) or choose another connection-name.'
        };
    }
    if (plan.ifExists === 'fail') {
        return {
            kind: 'fail',
            reason: `A connection named ${quoted(plan.name)} already exists ${where}${idList(found)}, and if-exists is 'fail'. Use if-exists 'update' or 'reuse' to adopt it, or choose another connection-name.`
        };
    }
    const mismatch = mismatchOf(only, plan);
    if (mismatch !== undefined)
        return { kind: 'fail', reason: mismatch };
    return plan.ifExists === 'reuse' ? { kind: 'reuse', target: only } : { kind: 'update', target: only };
}
/** Why the one connection found cannot be used as this run's, if it cannot. */
function mismatchOf(found, plan) {
    const what = `Connection ${found.id} (${quoted(plan.name)})`;
    if (found.spec.version !== '' && found.spec.version !== plan.spec.version) {
        return `${what} uses connection spec version ${quoted(found.spec.version)}, but connection-spec-version is ${quoted(plan.spec.version)}; nothing was changed. Set connection-spec-version to match, or choose another connection-name.`;
    }
    if (found.authSpecName !== undefined && found.authSpecName !== plan.authSpecName) {
        return `${what} uses auth ${quoted(found.authSpecName)}, but this run gives ${quoted(plan.authSpecName)}; Flow Service cannot switch a connection between auth types, so nothing was changed. Delete it, or choose another connection-name.`;
    }
    return undefined;
}
/**
 * The one connection every concurrent run agrees to keep: the oldest by createdAt (one without
 * it counts as newest), then the smallest id. Any run that sees the same set picks the same one.
 */
function survivorOf(connections) {
    return [...connections].sort((a, b) => (a.createdAt ?? Infinity) - (b.createdAt ?? Infinity) || compareIds(a.id, b.id))[0];
}
/** After a create: which connection stays, given every same-named one listed (this run's included). */
function converge(listed, ownId) {
    const survivor = survivorOf(listed);
    return survivor === undefined || sameId(survivor.id, ownId) ? { kind: 'kept' } : { kind: 'lost', survivor };
}
/** Connections listed now that the run's own lookup did not show: where a lost create may be. */
function newcomers(before, now) {
    return now.filter((c) => !before.has(c.id.toLowerCase()));
}
/** ' (id-1, id-2, … and 5 more)': at most MAX_IDS_SHOWN ids, then the count of the rest. */
function idList(items) {
    if (items.length === 0)
        return '';
    const shown = items.slice(0, MAX_IDS_SHOWN).map((c) => c.id);
    const more = items.length - shown.length;
    return ` (${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''})`;
}
function compareIds(a, b) {
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
}

;// CONCATENATED MODULE: ./src/connection/ensure.ts
// The run's story with the sandbox: look up, decide, prove the credentials before any write,
// write, and converge with concurrent runs; then the sandbox holds one connection with this
// name and spec, holding the credentials the workflow gave. A failed run changes nothing it
// cannot undo: whatever the outcome, it deletes the probes it made.










/** The run cannot go on without a person deciding (a conflict with what already exists). */
class ConflictError extends Error {
    constructor(message) {
        super(message);
        this.name = 'ConflictError';
    }
}
class VerifyError extends Error {
    constructor(message) {
        super(message);
        this.name = 'VerifyError';
    }
}
async function ensureConnection(d, wanted) {
    const { plan } = wanted;
    // The probe is made while the lookup is in flight, so that proving the credentials costs no
    // round trip of its own: it is needed before any write, and the run cannot know yet whether it
    // will write.
    const probe = wanted.verify ? new Probe(d, wanted) : undefined;
    try {
        const found = await d.client.find(plan.name, plan.spec.id);
        d.log(`Found ${found.length} connection(s) named ${quoted(plan.name)} with spec ${plan.spec.id} in sandbox ${quoted(plan.sandboxName)}${idList(found)}.`);
        return await carryOut(d, wanted, decide(found, plan), found, probe);
    }
    finally {
        await probe?.settle();
    }
}
async function carryOut(d, wanted, decision, found, probe) {
    switch (decision.kind) {
        case 'fail':
            throw new ConflictError(decision.reason);
        case 'reuse': {
            probe?.discard();
            const verified = wanted.verify ? await verifyExisting(d, decision.target, wanted.verifyObject) : undefined;
            return {
                id: decision.target.id,
                etag: await d.client.etagOf(decision.target),
                operation: 'reused',
                ...(verified !== undefined && { verified })
            };
        }
        case 'update': {
            const verified = await probe?.prove();
            return { ...(await update(d, wanted, decision.target)), ...(verified !== undefined && { verified }) };
        }
        case 'create': {
            const verified = await probe?.prove();
            return { ...(await createAndConverge(d, wanted, found)), ...(verified !== undefined && { verified }) };
        }
    }
}
/**
 * Concurrent runs that converge on one survivor all patch it at once: each may meet 412s from the
 * others, so there it may read again this many times, after a random wait that spreads them out.
 */
const CONVERGE_PATCH_ATTEMPTS = 6;
/**
 * One PATCH with If-Match; on 412 the connection is read again and the PATCH rebuilt from it: once
 * for an ordinary update, up to CONVERGE_PATCH_ATTEMPTS times when concurrent runs converge.
 */
async function update(d, wanted, target, attempts = 2) {
    let current = target;
    for (let attempt = 1; attempt <= attempts; attempt++) {
        const operations = patchOperations(wanted.auth, wanted.description, current);
        const result = await d.client.patch(current.id, await d.client.etagOf(current), operations);
        if (result !== 'stale')
            return { ...result, operation: 'updated' };
        if (attempt < attempts) {
            // Either another writer changed it, or this run's own earlier attempt did and its answer was lost.
            d.log(`Connection ${current.id}'s etag is no longer the one read (412): reading it again and retrying${attempts === 2 ? ' once' : ''}.`);
            if (attempts > 2)
                await d.clock.sleep(Math.floor(Math.random() * 250 * attempt));
            current = await d.client.get(current.id);
        }
    }
    throw new ConflictError(`Connection ${target.id} (${quoted(wanted.plan.name)}) changed again while this run updated it (412 ${attempts === 2 ? 'twice' : `${attempts} times`}); something else is writing to it. Run again when it is done.`);
}
async function createAndConverge(d, wanted, found) {
    const { plan } = wanted;
    const before = new Set(found.map((c) => c.id.toLowerCase()));
    const description = wanted.description ?? (await wanted.defaultDescription());
    const mark = (0,external_node_crypto_.randomBytes)(4).toString('hex');
    const body = { name: plan.name, description: marked(description, mark), auth: wanted.auth, connectionSpec: plan.spec };
    const result = await d.client.create(body, () => lookForOwnCreate(d, plan, before, mark));
    const own = isRecovered(result) ? await writtenOf(d, result.recovered) : result;
    // The mark comes out while the run lists again: the two do not depend on each other.
    const unmarking = unmark(d, own, description, mark);
    // A create sent again after its answer was lost may have made copies: each carries the mark.
    const copiesIn = (listed) => listed.filter((c) => !sameId(c.id, own.id) && markOf(c.description) === mark);
    if (plan.ifExists === 'create') {
        const written = await unmarking;
        if (isRecovered(result))
            await deleteCopies(d, copiesIn(await d.client.find(plan.name, plan.spec.id)));
        return { ...written, operation: 'created' };
    }
    const [written, listed] = await Promise.all([unmarking, listWithOwn(d, plan, own.id)]);
    const convergence = converge(listed, own.id);
    const mine = copiesIn(listed);
    if (convergence.kind === 'kept') {
        await deleteCopies(d, mine);
        return { ...written, operation: 'created' };
    }
    const { survivor } = convergence;
    if (markOf(survivor.description) === mark) {
        d.log(`This run's create took effect twice after a lost answer: keeping the older, ${survivor.id}, and deleting ${own.id}.`);
        await Promise.all([own, ...mine.filter((c) => !sameId(c.id, survivor.id))].map((c) => d.client.delete(c.id)));
        return { ...(await unmark(d, { id: survivor.id, etag: await d.client.etagOf(survivor) }, description, mark)), operation: 'created' };
    }
    d.log(`Another run created ${quoted(plan.name)} at the same time: keeping the oldest, ${survivor.id}, and deleting this run's ${own.id}.`);
    await Promise.all([own, ...mine].map((c) => d.client.delete(c.id)));
    return asFound(d, wanted, survivor);
}
/**
 * Takes the create's mark out of the description of this run's connection. A concurrent run that
 * converged on it may have patched it meanwhile (412): then it is read again, and left alone once
 * the mark is gone. When it cannot be done, a warning says so; the next run with update does it.
 */
async function unmark(d, own, description, mark) {
    try {
        let etag = own.etag;
        for (let attempt = 1; attempt <= CONVERGE_PATCH_ATTEMPTS; attempt++) {
            const result = await d.client.patch(own.id, etag, unmarkOperations(description));
            if (result !== 'stale')
                return result;
            const current = await d.client.get(own.id);
            etag = await d.client.etagOf(current);
            if (markOf(current.description) !== mark)
                return { id: own.id, etag };
            await d.clock.sleep(Math.floor(Math.random() * 250 * attempt));
        }
        throw new Error(`its etag changed ${CONVERGE_PATCH_ATTEMPTS} times while this run wrote it`);
    }
    catch (error) {
        d.warn(`Connection ${own.id}'s description still ends with this run's creation mark "[creating ${mark}]": it could not be taken out (${errorMessage(error)}). The next run with if-exists 'update' takes it out.`);
        return own;
    }
}
/** Deletes the copies a create sent again made (they carry this run's mark: its own alone). */
async function deleteCopies(d, copies) {
    if (copies.length === 0)
        return;
    d.log(`This run's create took effect more than once after a lost answer: deleting the newer copies${idList(copies)}.`);
    await Promise.all(copies.map((c) => d.client.delete(c.id)));
}
/** A connection found by listing, as a create's answer would have given it. */
async function writtenOf(d, found) {
    return { id: found.id, etag: await d.client.etagOf(found) };
}
/** A connection this run did not create: what if-exists says for one that exists. */
async function asFound(d, wanted, target) {
    const decision = decideExisting([target], wanted.plan);
    if (decision.kind === 'update')
        return update(d, wanted, decision.target, CONVERGE_PATCH_ATTEMPTS);
    if (decision.kind === 'reuse')
        return { id: target.id, etag: await d.client.etagOf(target), operation: 'reused' };
    throw new ConflictError(decision.reason);
}
/**
 * Asked after a create whose outcome is unknown: did it take effect? The connection that appeared
 * since the lookup with this run's mark, looked for as long as a list may lag (a concurrent run's
 * may show first); or undefined, and the create is sent again. A listing without descriptions is
 * read item by item.
 */
async function lookForOwnCreate(d, plan, before, mark) {
    const isOwn = (c) => markOf(c.description) === mark;
    const look = async () => newcomers(before, await d.client.find(plan.name, plan.spec.id));
    const { last, looks } = await untilSeen(d, look, (appeared) => appeared.some(isOwn));
    const undescribed = last.filter((c) => c.description === undefined);
    const read = await Promise.all(undescribed.map((c) => readIfExists(d, c.id)));
    // After more than one lost answer there may be several: the oldest is the one that stays.
    const own = survivorOf(last.filter(isOwn)) ?? survivorOf(read.filter((c) => c !== undefined && isOwn(c)));
    if (own !== undefined) {
        d.log(`Connection ${own.id} appeared after this run's lookup with this run's creation mark: its create took effect, and its answer was lost.`);
        return own;
    }
    const others = last.length > 0 ? ` (${last.length} other connection(s) named ${quoted(plan.name)} appeared, concurrent runs'${idList(last)})` : '';
    d.log(`No connection with this run's creation mark appeared after ${looks} lookup(s) following the create whose outcome is unknown${others}: sending it again.`);
    return undefined;
}
/**
 * Every same-named connection, listed until `ownId` shows (the list may lag). When it never
 * does, the run's own is read to learn its creation time; without one, it is kept: a run that
 * cannot date its connection never deletes it, for the other run may be deleting its own.
 */
async function listWithOwn(d, plan, ownId) {
    const look = () => d.client.find(plan.name, plan.spec.id);
    const { last, seen } = await untilSeen(d, look, (listed) => listed.some((c) => sameId(c.id, ownId)));
    if (seen)
        return last;
    const own = await readIfExists(d, ownId);
    if (own === undefined) {
        // Someone deleted it meanwhile: the others listed are what is left.
        if (last.length > 0)
            return last;
        throw new ConflictError(`Connection ${ownId} was deleted while this run converged on ${quoted(plan.name)}, and no other shows; run again.`);
    }
    d.warn(`Connection ${ownId} does not show in GET /connections yet: ${own.createdAt === undefined
        ? `its creation time is unknown, so it is kept, even if another run created ${quoted(plan.name)} at the same time.`
        : `it is compared by creation time with the ${last.length} listed.`}`);
    return own.createdAt === undefined ? [own] : [...last, own];
}
async function readIfExists(d, id) {
    try {
        return await d.client.get(id);
    }
    catch (error) {
        if (error instanceof ApiError && error.status === 404)
            return undefined;
        throw error;
    }
}
async function verifyExisting(d, target, object) {
    try {
        return describeListing(await d.client.explore(target.id, object), object);
    }
    catch (error) {
        throw new VerifyError(`Verification failed: Flow Service could not list ${object ?? 'the bucket root'} through connection ${target.id}. ${errorMessage(error)}`);
    }
}
function describeListing(entries, object) {
    return `yes: ${listed(entries, object)}`;
}
/** '3 entries listed in /bucket/': what verification saw. */
function listed(entries, object) {
    return `${entries.length} entr${entries.length === 1 ? 'y' : 'ies'} listed in ${object ?? 'the root'}`;
}
/**
 * A verification probe's life: created at once, explored when the run is about to write,
 * deleted as soon as it has spoken (while the write is in flight), and in any case before the
 * run ends. Probes an earlier, killed run left behind are swept at the same time.
 */
class Probe {
    d;
    wanted;
    name;
    created;
    swept;
    deletion;
    /** Whether a create attempt's outcome was ever unknown: then a second probe may exist. */
    uncertain = false;
    constructor(d, wanted) {
        this.d = d;
        this.wanted = wanted;
        this.name = d.context.then((context) => probeName(wanted.plan.name, context, d.clock.now(), (0,external_node_crypto_.randomBytes)(4).toString('hex')));
        this.created = this.create();
        this.swept = this.sweep();
        // Settled in settle(); an early failure must not surface as an unhandled rejection.
        this.created.catch(() => undefined);
        this.name.catch(() => undefined);
    }
    /** Lists the bucket through the probe: the new credentials' proof. Throws VerifyError when Flow Service cannot. */
    async prove() {
        const object = this.wanted.verifyObject;
        let probe;
        try {
            probe = await this.created;
        }
        catch (error) {
            throw new VerifyError(`Verification failed: the verification probe could not be created, so nothing was changed. ${errorMessage(error)}`);
        }
        try {
            const entries = await this.d.client.explore(probe, object);
            this.d.log(`Verified the credentials through probe ${probe}: ${listed(entries, object)} by Flow Service.`);
            return `${describeListing(entries, object)} (through a probe, before the write)`;
        }
        catch (error) {
            if (!(error instanceof ApiError))
                throw error;
            throw new VerifyError(`Verification failed: Flow Service could not list ${object ?? 'the bucket root'} with these credentials, so the connection was not changed (a probe was used, and is deleted). ${errorMessage(error)}`);
        }
        finally {
            this.discard();
        }
    }
    /**
     * Starts deleting the probe. When its create failed or its outcome was ever unknown, the probe
     * (or a second one) may exist unseen: every probe with this run's unique name is looked up.
     */
    discard() {
        this.deletion ??= this.created.then(async (probe) => {
            const deleted = await this.remove(probe);
            if (this.uncertain && deleted)
                await this.removeNamed(probe);
        }, async (error) => {
            if (error instanceof ApiError && error.status !== undefined && error.status < 500 && !this.uncertain)
                return;
            await this.removeNamed();
        });
    }
    /** Waits until the probe and the leftovers are gone; what cannot be deleted is reported, never fatal. */
    async settle() {
        this.discard();
        await Promise.all([this.deletion, this.swept]);
    }
    async create() {
        const { plan } = this.wanted;
        const [context, name] = await Promise.all([this.d.context, this.name]);
        const body = probeBody(plan, this.wanted.auth, context, name);
        // The name is this run's alone: one that shows after a lost answer is this run's probe.
        const recover = async () => {
            this.uncertain = true;
            const { last } = await untilSeen(this.d, () => this.d.client.find(name, plan.spec.id), (found) => found.length > 0);
            return last[0];
        };
        const result = await this.d.client.create(body, recover);
        return isRecovered(result) ? result.recovered.id : result.id;
    }
    /** Deletes every probe with this run's name but `except`; one the list does not show yet is reported. */
    async removeNamed(except) {
        let name;
        try {
            name = await this.name;
            const { plan } = this.wanted;
            const found = (await this.d.cleanup.find(name, plan.spec.id)).filter((p) => except === undefined || !sameId(p.id, except));
            await Promise.all(found.map((p) => this.remove(p.id)));
            if (found.length > 0 || except !== undefined)
                return;
        }
        catch (error) {
            this.d.warn(`Could not look for this run's verification probe: ${errorMessage(error)}`);
            return;
        }
        this.d.warn(`This run's verification probe may have been created without the answer arriving, and does not show yet. If ${quoted(name)} appears, delete it; a later run with verify does once it is ${PROBE_MAX_AGE_MS / 60_000} minutes old.`);
    }
    async sweep() {
        const { plan } = this.wanted;
        try {
            const context = await this.d.context;
            const probes = await this.d.cleanup.findNamed(plan.spec.id, (name) => isProbeOf(plan.name, name));
            const leftovers = probes.filter((p) => isLeftover(p, plan.name, context, this.d.clock.now()));
            await Promise.all(leftovers.map(async (p) => {
                if (await this.remove(p.id))
                    this.d.log(`Deleted verification probe ${p.id} (${quoted(p.name)}), left behind by an earlier run.`);
            }));
        }
        catch (error) {
            this.d.warn(`Could not look for verification probes left by earlier runs: ${errorMessage(error)}`);
        }
    }
    async remove(id) {
        try {
            await this.d.cleanup.delete(id);
            return true;
        }
        catch (error) {
            this.d.warn(`Could not delete verification probe ${id}; delete it by hand (DELETE /connections/${id}), or a later run will: ${errorMessage(error)}`);
            return false;
        }
    }
}

;// CONCATENATED MODULE: ./src/connection/inputs.ts
// The connection action's inputs: the session's, then the connection's own, validated into one
// typed Config before any network call. Pure apart from the injected `getInput`.



/** Defaults, also declared in action.yml (a test keeps the two equal): running outside the runner must behave the same. */
const DEFAULTS = {
    ...defaults/* SESSION_DEFAULTS */.u,
    'auth-type': 'access-key',
    'connection-spec-id': 'ecadc60c-7455-4d87-84dc-2a0e293d997b',
    'connection-spec-version': '1.0',
    'if-exists': 'update',
    verify: 'false',
    'dry-run': 'false'
};
/** Inputs whose values are secrets: masked before anything else happens. */
const SECRET_INPUTS = [...SESSION_SECRET_INPUTS, 's3-access-key', 's3-secret-key', 's3-session-token'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SPEC_VERSION = /^\d+(\.\d+)*$/;
function readConfig(getInput) {
    const r = new InputReader(getInput, DEFAULTS);
    const session = readSession(r);
    // flow-service-url, the v1 input, wins over platform-url when given.
    const flowServiceInput = r.optional('flow-service-url');
    const flowServiceUrl = flowServiceInput !== undefined
        ? (r.checkedUrl('flow-service-url', flowServiceInput, 'https://platform.adobe.io/data/foundation/flowservice') ?? flowServiceInput)
        : serviceUrl(session, 'flowService');
    const connectionName = r.name('connection-name', 'name the base connection');
    const description = r.description();
    const s3 = readS3Auth(r);
    // Lower case, as Flow Service writes ids, so that lookups compare like with like.
    const specId = r.withDefault('connection-spec-id').toLowerCase();
    r.check('connection-spec-id', specId, (v) => UUID.test(v), `must be a UUID such as '${DEFAULTS['connection-spec-id']}' (the Amazon S3 source); got '${printable(specId)}'`);
    const specVersion = r.withDefault('connection-spec-version');
    r.check('connection-spec-version', specVersion, (v) => SPEC_VERSION.test(v), "must be a version such as '1.0'");
    const ifExists = r.choice('if-exists', ['update', 'reuse', 'fail', 'create']);
    const verify = r.boolean('verify');
    const dryRun = r.boolean('dry-run');
    r.done();
    return {
        session,
        flowServiceUrl,
        connectionName,
        ...(description !== undefined && { description }),
        s3,
        connectionSpec: { id: specId, version: specVersion },
        ifExists,
        verify,
        dryRun
    };
}
function readS3Auth(r) {
    const type = r.choice('auth-type', ['access-key', 'iam-role']);
    const bucketName = r.optional('bucket-name');
    r.check('bucket-name', bucketName, isValidBucketName, `must be an S3 bucket name: 3-63 lower-case letters, digits, dots and hyphens, starting and ending with a letter or digit, not shaped like an IP address; got '${printable(bucketName ?? '')}'`);
    const folderPath = r.optional('folder-path');
    r.check('folder-path', folderPath, (v) => !hasControl(v) && v.length <= 1024, 'must be one line naming a folder in the bucket');
    if (type === 'iam-role') {
        for (const name of ['s3-access-key', 's3-secret-key', 's3-session-token', 'service-url']) {
            if (r.optional(name) !== undefined)
                r.fail(`Input '${name}' is only used with 'auth-type: access-key'; remove it, or set 'auth-type: access-key'.`);
        }
        // Adobe's IAMRole Based auth spec has bucketName only.
        if (folderPath !== undefined) {
            r.fail("Input 'folder-path' is not supported with 'auth-type: iam-role' (that auth spec takes a bucket name only); remove it, and restrict the folder in the bucket policy instead.");
        }
        if (bucketName === undefined)
            r.fail("Input 'bucket-name' is required with 'auth-type: iam-role': name the bucket whose policy trusts Adobe's role.");
        return { type, bucketName: bucketName ?? '' };
    }
    const missing = `('auth-type: access-key' is the default). Note that ${MISSING_SECRET_NOTE}`;
    const accessKey = r.required('s3-access-key', `give the S3 access key ID ${missing}`);
    r.secret('s3-access-key', accessKey, 'access key ID');
    const secretKey = r.required('s3-secret-key', `give the S3 secret access key ${missing}`);
    r.secret('s3-secret-key', secretKey, 'secret access key');
    const sessionToken = r.optional('s3-session-token');
    r.secret('s3-session-token', sessionToken, 'session token');
    const serviceUrlInput = r.optional('service-url');
    const serviceUrl = serviceUrlInput !== undefined ? readServiceUrl(r, serviceUrlInput) : undefined;
    return {
        type,
        accessKey,
        secretKey,
        ...(sessionToken !== undefined && { sessionToken }),
        ...(serviceUrl !== undefined && { serviceUrl }),
        ...(bucketName !== undefined && { bucketName }),
        ...(folderPath !== undefined && { folderPath })
    };
}
/** The S3 endpoint is passed to Adobe as given, so it is checked as given: https, one line, no credentials. */
function readServiceUrl(r, value) {
    const example = 'https://s3.eu-west-1.amazonaws.com/';
    if (!/^https:\/\//i.test(value)) {
        r.fail(`Input 'service-url' must be an https:// S3 endpoint such as '${example}'.`);
        return undefined;
    }
    // Sent as the user wrote it (with its trailing slash), not as the URL parser rewrote it.
    return r.checkedUrl('service-url', value, example) !== undefined ? value : undefined;
}
function isValidBucketName(name) {
    return /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(name) && !name.includes('..') && !/^\d{1,3}(\.\d{1,3}){3}$/.test(name);
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

;// CONCATENATED MODULE: ./src/connection/summary.ts
// The connection action's job summary: what this step did to which connection.

async function writeSummary(facts) {
    const summary = new Summary().heading('Amazon S3 base connection').facts([
        ['Connection name', facts.name],
        ['Operation', facts.operation],
        ['Connection ID', facts.id ?? '-'],
        ['Etag', facts.etag ?? '-'],
        ['Sandbox', facts.sandboxName],
        ['Connection spec', facts.connectionSpec],
        ['Verified', facts.verified]
    ]);
    if (facts.operation === 'dry-run')
        summary.dryRun();
    if (facts.error !== undefined)
        summary.paragraph(facts.error, 'Failed:');
    if (facts.runUrl !== undefined)
        summary.link('Workflow run', facts.runUrl);
    await summary.write();
}

;// CONCATENATED MODULE: ./src/connection/main.ts
// The story of one run: read inputs, open the session, ensure the connection, write outputs.










const USER_AGENT = 'aep-s3-connection-action/1';
/** Codes whose fix lies in this action's inputs. */
const HINTS = {
    'FLOW-1413-400': "check 'connection-spec-id' and 'connection-spec-version'",
    'FLOW-1415-400': "check 'auth-type': the connection spec has no such auth spec"
};
async function run() {
    const rt = createRuntime();
    let config;
    let session;
    let context;
    try {
        config = readConfig(runnerInputs(rt, SECRET_INPUTS));
        if (config.dryRun) {
            await dryRun(rt, config);
            return;
        }
        const connecting = connect(config.session, rt, {
            makesThings: true,
            userAgent: USER_AGENT,
            baseUrls: { 'Flow Service': config.flowServiceUrl, Catalog: '', 'Data Prep': '' },
            warm: ['Flow Service'],
            hints: HINTS
        });
        // @actions/github loads while the first request is on the wire.
        context = loadRunContext();
        session = await connecting;
        const { api, cleanup } = session;
        const outcome = await ensureConnection({
            client: new ConnectionsClient(api),
            cleanup: new ConnectionsClient(cleanup),
            context,
            clock: systemClock,
            remainingMs: () => api.remainingMs(),
            log: rt.info,
            warn: rt.warning
        }, wanted(config, context));
        rt.info(`Connection ${outcome.id} ${outcome.operation}; etag ${outcome.etag}.`);
        setOutputs({ 'connection-id': outcome.id, etag: outcome.etag, operation: outcome.operation });
        await summarize(config, context, {
            operation: outcome.operation,
            id: outcome.id,
            etag: outcome.etag,
            verified: outcome.verified ?? 'no (verify: false)'
        });
    }
    catch (error) {
        const message = failStep(rt, error);
        if (config !== undefined)
            await summarize(config, context, { operation: 'failed', verified: '-', error: message });
    }
    finally {
        session?.close();
    }
}
function wanted(config, context) {
    return {
        plan: {
            name: config.connectionName,
            sandboxName: config.session.sandboxName,
            spec: config.connectionSpec,
            authSpecName: authFor(config.s3).specName,
            ifExists: config.ifExists
        },
        auth: authFor(config.s3),
        ...(config.description !== undefined && { description: config.description }),
        defaultDescription: async () => defaultDescription(await context),
        verify: config.verify,
        ...(verifyObject(config.s3) !== undefined && { verifyObject: verifyObject(config.s3) })
    };
}
async function dryRun(rt, config) {
    const context = await loadRunContext();
    const description = config.description ?? defaultDescription(context);
    // Multi-line on purpose; every secret in it is redacted.
    core/* info */.pq(rt.secrets.redact(describeDryRun(config, description, context, Date.now()).join('\n')));
    setOutputs({ 'connection-id': '', etag: '', operation: 'dry-run' });
    await summarize(config, Promise.resolve(context), { operation: 'dry-run', verified: 'no (dry run)' });
}
async function summarize(config, context, facts) {
    const { runUrl } = context !== undefined ? await context : {};
    await writeSummary({
        name: config.connectionName,
        sandboxName: config.session.sandboxName,
        connectionSpec: `${config.connectionSpec.id} v${config.connectionSpec.version}`,
        ...facts,
        ...(runUrl !== undefined && { runUrl })
    });
}


/***/ })

};
