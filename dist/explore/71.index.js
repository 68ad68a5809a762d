export const id = 71;
export const ids = [71];
export const modules = {

/***/ 7071:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 12 modules
var core = __webpack_require__(143);
;// CONCATENATED MODULE: ./src/platform/context.ts
async function loadRunContext(env = process.env) {
    try {
        const { context } = await __webpack_require__.e(/* import() */ 413).then(__webpack_require__.bind(__webpack_require__, 2413));
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
        return {};
    }
}
function defaultDescription(ctx) {
    return `Managed by GitHub Actions: ${ctx.repository ?? 'a run outside GitHub Actions'}, workflow ${ctx.workflow ?? '(none)'}`;
}

;// CONCATENATED MODULE: ./src/platform/json.ts
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

;// CONCATENATED MODULE: ./src/platform/retry.ts
const systemClock = {
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms))
};
const DEFAULT_RETRY_POLICY = { baseDelayMs: 500, maxDelayMs: 15_000 };
function readAttemptMs(timeoutSeconds) {
    return Math.max(5_000, (timeoutSeconds * 1000) / 4);
}
const RETRYABLE_STATUSES = new Set([429, 500, 502, 503, 504]);
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
    return /socket hang up|aborted/i.test(error.message);
}
function backoffDelay(attempt, policy, random = Math.random) {
    const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
    return Math.floor(random() * ceiling);
}
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
class Deadline {
    totalMs;
    clock;
    budget;
    endsAt;
    constructor(totalMs, clock = systemClock, endsAt, budget = 'timeout-seconds') {
        this.totalMs = totalMs;
        this.clock = clock;
        this.budget = budget;
        this.endsAt = endsAt ?? clock.now() + totalMs;
    }
    remainingMs() {
        return Math.max(0, this.endsAt - this.clock.now());
    }
    withReserve(reserveMs) {
        return new Deadline(this.totalMs, this.clock, this.endsAt - reserveMs, this.budget);
    }
}

;// CONCATENATED MODULE: ./src/platform/text.ts
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const SHORT_ESCAPES = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
const MAX_LOGGED_CHARS = 500;
function oneLine(value, max = MAX_LOGGED_CHARS) {
    const flat = value.replace(UNSAFE, (c) => SHORT_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    return flat.length > max ? `${flat.slice(0, Math.max(0, max - 1))}…` : flat;
}
function summaryText(value, max = MAX_LOGGED_CHARS) {
    return escapeHtml(oneLine(value, max));
}
function escapeHtml(value) {
    return value.replace(/[&<>"'`|[\]\\*_]/g, (c) => `&#${c.charCodeAt(0)};`);
}
function text_quoted(value, max = MAX_LOGGED_CHARS) {
    return `"${oneLine(value, max).replace(/"/g, '\\"')}"`;
}

;// CONCATENATED MODULE: ./src/platform/errors.ts



function isErrorLike(value) {
    return typeof value === 'object' && value !== null && 'message' in value && typeof value.message === 'string';
}
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
const RAW_BODY_CHARS = 300;
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
    const type = str(json.type);
    const flowCode = type?.slice(-48).match(/([A-Z]+-\d+-\d{3})$/)?.[1];
    if (flowCode !== undefined || isObject(json.report)) {
        const message = str(report['detailed-message']) ?? str(json.errorMessage) ?? str(json.title) ?? str(json.detail);
        return withId({ ...(flowCode !== undefined && { code: flowCode }), ...(message !== undefined && { message }) });
    }
    const gatewayCode = str(json.error_code) ?? (typeof json.error_code === 'number' ? String(json.error_code) : undefined);
    if (gatewayCode !== undefined) {
        const message = str(json.message);
        return withId({ code: gatewayCode, ...(message !== undefined && { message }) });
    }
    const imsCode = str(json.error);
    if (imsCode !== undefined) {
        const message = str(json.error_description);
        return withId({ code: imsCode, ...(message !== undefined && { message }) });
    }
    const title = str(json.title);
    const detail = str(json.detail) ?? str(json.message);
    const code = title !== undefined && /^[A-Za-z]+$/.test(title) ? title : undefined;
    const message = detail ?? title;
    return withId({ ...(code !== undefined && { code }), ...(message !== undefined && { message }) });
}
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
function isNotFound(error) {
    return error instanceof ApiError && (error.status === 404 || error.code === 'FLOW-1439-400');
}
function mayHaveTakenEffect(error) {
    return !(error instanceof ApiError) || error.status === undefined || error.status >= 500;
}
class ConflictError extends Error {
    constructor(message) {
        super(message);
        this.name = 'ConflictError';
    }
}
class TimeoutError extends Error {
    constructor(timeoutMs, waitingFor, attempt, maxAttempts, note, budget = 'timeout-seconds') {
        super(`Timed out after ${formatSeconds(timeoutMs)} (${budget}) waiting for ${waitingFor} (attempt ${attempt} of ${maxAttempts}). ` +
            (note !== undefined ? `${note} ` : '') +
            'Raise timeout-seconds, or check that the service is reachable from the runner.');
        this.name = 'TimeoutError';
    }
}
class errors_UnexpectedResponseError extends Error {
    constructor(service, label, problem) {
        super(`${requestName(service, label)} returned an unexpected response: ${problem}.`);
        this.name = 'UnexpectedResponseError';
    }
}
function requestName(service, label) {
    return service === 'IMS' ? 'IMS token request' : `${service} ${label}`;
}
class CancelledError extends Error {
    constructor() {
        super('Cancelled: the runner stopped the step (the job was cancelled or timed out).');
        this.name = 'CancelledError';
    }
}

;// CONCATENATED MODULE: ./src/platform/explore.ts


const EXPLORE_LABEL = 'GET /connections/{id}/explore';
function listCall(connectionId, folder) {
    const query = folder === undefined ? 'objectType=root' : `objectType=folder&object=${encodeURIComponent(folder)}`;
    return {
        service: 'Flow Service',
        method: 'GET',
        path: `/connections/${encodeURIComponent(connectionId)}/explore?${query}`,
        label: EXPLORE_LABEL
    };
}
const MAX_PATH = 2048;
function readListing(json) {
    if (!Array.isArray(json))
        throw new errors_UnexpectedResponseError('Flow Service', EXPLORE_LABEL, 'the listing is not a JSON array');
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

;// CONCATENATED MODULE: ./src/platform/api.ts
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
        ...(call.rebuild !== undefined && { rebuild: () => JSON.stringify(call.rebuild?.()) }),
        ...(call.accept !== undefined && { accept: call.accept })
    };
}
function describeCall(call, target) {
    const req = toRequest(call, target, '***');
    const headers = Object.entries(req.headers ?? {}).map(([name, value]) => `${name}: ${value}`);
    const body = call.body === undefined ? [] : ['', ...JSON.stringify(call.body, null, 2).split('\n')];
    return [`${req.method} ${req.url}`, ...headers, ...body];
}
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
    sendOrRecover(call, recover) {
        return this.transport.requestOrRecover(toRequest(call, this.target, this.accessToken), recover);
    }
    remainingMs() {
        return this.transport.remainingMs();
    }
    over(transport) {
        return new PlatformApi(transport, this.target, this.accessToken);
    }
}

;// CONCATENATED MODULE: ./src/platform/ims.ts


const TOKEN_PATH = '/ims/token/v3';
const LABEL = `POST ${TOKEN_PATH}`;
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
async function fetchAccessToken(transport, request, secrets) {
    const label = LABEL;
    const res = await transport.request(tokenRequest(request));
    const token = isObject(res.json) ? res.json.access_token : undefined;
    if (typeof token !== 'string' || !/^[\x21-\x7e]{1,16384}$/.test(token)) {
        throw new errors_UnexpectedResponseError('IMS', label, 'no usable "access_token" in the answer');
    }
    secrets.add(token);
    return token;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/platform/ownership.ts

const CLOCK_SKEW_MS = (/* unused pure expression or super */ null && (2 * 60_000));
const MARK = / \[creating ([0-9a-f]{8}) until (\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z)\]$/;
const MARK_LENGTH = ' [creating 00000000 until 2026-01-01T00:00:00Z]'.length;
function newRunMark(untilMs, random = external_node_crypto_.randomBytes) {
    return { token: random(4).toString('hex'), until: Math.ceil(untilMs / 1000) * 1000 };
}
function withMark(text, mark, max) {
    const until = new Date(mark.until).toISOString().replace(/\.\d{3}Z$/, 'Z');
    return `${text.slice(0, Math.max(0, max - MARK_LENGTH))} [creating ${mark.token} until ${until}]`;
}
function markIn(text) {
    const match = text === undefined ? null : MARK.exec(text);
    if (match === null)
        return undefined;
    const until = Date.parse(match[2] ?? '');
    return Number.isNaN(until) ? undefined : { token: match[1] ?? '', until };
}
function withoutMark(text) {
    return text.replace(MARK, '');
}
function ownershipOf(text, self, nowMs) {
    const mark = markIn(text);
    if (mark === undefined)
        return 'committed';
    if (self !== undefined && mark.token === self.token)
        return 'mine';
    return nowMs > mark.until + CLOCK_SKEW_MS ? 'abandoned' : 'in-progress';
}
function describeMark(mark) {
    return `[creating ${mark.token}]`;
}
const RETIRED = / \[replaced by ([0-9a-fA-F-]{36})\]$/;
function withRetirement(text, successorId, max) {
    const record = ` [replaced by ${successorId}]`;
    return `${withoutMark(text).slice(0, Math.max(0, max - record.length))}${record}`;
}
function successorIn(text) {
    return text === undefined ? undefined : RETIRED.exec(text)?.[1];
}
function cleanText(text) {
    return withoutMark(text).replace(RETIRED, '');
}

;// CONCATENATED MODULE: ./src/platform/secrets.ts
const MIN_SECRET_LENGTH = 8;
const MASK = '***';
class Secrets {
    setSecret;
    registered = new Set();
    patterns = [];
    constructor(setSecret) {
        this.setSecret = setSecret;
    }
    add(secret) {
        if (secret === undefined || secret.trim() === '' || this.registered.has(secret))
            return;
        this.registered.add(secret);
        const values = [secret, ...secret.split(/\r?\n/).flatMap((line) => [line, line.trim()])].filter((value, index) => index === 0 || value.length >= MIN_SECRET_LENGTH);
        for (const value of new Set(values)) {
            for (const form of runnerForms(value)) {
                if (form === secret || form.length >= MIN_SECRET_LENGTH)
                    this.setSecret(form);
            }
            this.patterns.push({ length: value.length, pattern: redactionPattern(value) });
        }
        this.patterns = [...this.patterns].sort((a, b) => b.length - a.length);
    }
    redact(text) {
        let out = text;
        for (const { pattern } of this.patterns)
            out = out.replace(pattern, MASK);
        return out;
    }
}
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
    forms.push(Array.from({ length: c.length }, (_, i) => `\\\\u${hexEitherCase(c.charCodeAt(i), 4)}`).join(''));
    forms.push(`&#0*${code};`, `&#[xX]0*${hexEitherCase(code, 1)};`);
    const named = HTML_NAMED[c];
    if (named !== undefined)
        forms.push(escapeRegExp(named));
    return forms;
}
function hexEitherCase(value, width) {
    return value
        .toString(16)
        .padStart(width, '0')
        .split('')
        .map((d) => (/[a-f]/.test(d) ? `[${d}${d.toUpperCase()}]` : d))
        .join('');
}
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


const PROXY_REFUSED = /statusCode=407/;
function classify(exchange, expect, nowMs, redact) {
    if (exchange.kind === 'no-answer')
        return noAnswer(exchange.error);
    if (exchange.kind === 'too-large') {
        return { status: exchange.status, networkError: exchange.error.message, retryable: false, uncertain: isSuccess(exchange.status) };
    }
    const { status, headers } = exchange;
    const body = redact(exchange.body);
    if (isSuccess(status) || expect.accept?.includes(status)) {
        try {
            return { status, headers, json: body.trim() === '' ? undefined : JSON.parse(body) };
        }
        catch {
            if (!isSuccess(status))
                return { status, headers, json: undefined };
            return { status, networkError: 'the response body is not valid JSON', retryable: true, uncertain: true };
        }
    }
    const retryAfterMs = parseRetryAfter(single(headers['retry-after']), nowMs);
    const requestId = single(headers['x-request-id']);
    return {
        status,
        adobe: decodeAdobeError(body, requestId === undefined ? undefined : redact(requestId)),
        retryable: status !== 407 && isRetryableStatus(status),
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



class Pool {
    userAgent;
    clients = new Map();
    constructor(userAgent) {
        this.userAgent = userAgent;
    }
    agentFor(url) {
        const known = this.clients.get(url.origin);
        if (known !== undefined)
            return known.agent;
        const client = new lib/* HttpClient */.Qq(this.userAgent, [], { keepAlive: true });
        const agent = client.getAgent(url.href);
        if (!(0,url_rules/* isProxied */.S)(url))
            (0,warm_up/* handSpare */.RT)(agent, url);
        this.clients.set(url.origin, { client, agent });
        return agent;
    }
    warmUp(url) {
        (0,warm_up/* warmUp */.lM)(url);
        this.agentFor(url);
    }
    close() {
        (0,warm_up/* releaseSpares */.Ik)();
        for (const { client } of this.clients.values())
            client.dispose();
        this.clients.clear();
    }
}

;// CONCATENATED MODULE: ./src/platform/transport/transport.ts







const IDEMPOTENT = new Set(['GET', 'DELETE']);
class Transport {
    options;
    pool;
    clock;
    constructor(options, pool = new Pool(options.userAgent)) {
        this.options = options;
        this.pool = pool;
        this.clock = options.clock ?? systemClock;
    }
    under(deadline) {
        return new Transport({ ...this.options, deadline, signal: undefined }, this.pool);
    }
    until(deadline) {
        return new Transport({ ...this.options, deadline }, this.pool);
    }
    request(req) {
        return this.send(req, (res) => res);
    }
    requestOrRecover(req, recover) {
        return this.send(req, (res) => res, async () => {
            const found = await recover();
            return found === undefined ? undefined : { recovered: found };
        });
    }
    remainingMs() {
        return this.options.deadline.remainingMs();
    }
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
            if (recover !== undefined && outcome.uncertain) {
                const recovered = await this.tryRecover(recover, fail);
                if (recovered !== undefined)
                    return recovered;
            }
            if (!decision.retry)
                throw fail(decision.reason);
        }
    }
    async once(req, n, mayTakeEffect) {
        const { deadline, policy } = this.options;
        const remaining = deadline.remainingMs();
        const timeout = () => new TimeoutError(deadline.totalMs, requestName(req.service, req.label), n, policy.maxAttempts, mayTakeEffect ? 'It may have taken effect even so.' : undefined, deadline.budget);
        if (remaining <= 0)
            throw timeout();
        this.throwIfCancelled();
        const url = new URL(req.url);
        const headers = { accept: 'application/json', 'user-agent': this.options.userAgent, ...req.headers };
        const body = req.rebuild?.() ?? req.body;
        const wire = { method: req.method, url, headers, ...(body !== undefined && { body }) };
        const cap = IDEMPOTENT.has(req.method) ? (policy.readAttemptMs ?? Infinity) : Infinity;
        const exchange = await attempt(this.pool.agentFor(url), wire, Math.min(remaining, cap), this.options.maxBodyBytes ?? MAX_BODY_BYTES, this.options.signal);
        if (exchange.kind === 'expired') {
            if (remaining <= cap)
                throw timeout();
            return { networkError: `no answer within ${formatSeconds(cap)}`, retryable: true, uncertain: true };
        }
        this.throwIfCancelled();
        return classify(exchange, req, this.clock.now(), this.options.redact ?? ((text) => text));
    }
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
function runnerInputs(rt, secretInputs) {
    for (const name of secretInputs)
        rt.secrets.add(core/* getInput */.V4(name));
    return (name) => core/* getInput */.V4(name, { trimWhitespace: false });
}
function cleanupReserveMs(totalMs) {
    return Math.min(5000, totalMs / 5);
}
async function connect(session, rt, options) {
    const deadline = new Deadline(session.timeoutSeconds * 1000);
    const cancel = onCancel(rt, options.makesThings);
    const transport = new Transport({
        signal: cancel.signal,
        userAgent: options.userAgent,
        policy: { ...DEFAULT_RETRY_POLICY, maxAttempts: session.maxAttempts, readAttemptMs: readAttemptMs(session.timeoutSeconds) },
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
        const mark = newRunMark(systemClock.now() + deadline.remainingMs());
        return { api, mark, cleanup: api.over(transport.under(deadline)), waiting, close };
    }
    catch (error) {
        close();
        throw error;
    }
}
function waitDeadline(timeoutSeconds, wait, work) {
    const totalMs = (timeoutSeconds + wait.seconds) * 1000;
    return new Deadline(totalMs, systemClock, systemClock.now() + work.remainingMs() + wait.seconds * 1000, `timeout-seconds + ${wait.input}`);
}
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
function failStep(rt, error, account) {
    const message = rt.secrets.redact([errorMessage(error), account].filter((p) => p !== undefined).join(' '));
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

;// CONCATENATED MODULE: ./src/platform/dry-run.ts


class DryRunPlan {
    target;
    steps = [];
    constructor(target) {
        this.target = target;
    }
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
    call(when, call) {
        const [requestLine = '', ...rest] = describeCall(call, this.target);
        const shown = requestLine.replace(/%7B([A-Za-z](?:[\w-]|%20)*)%7D/g, (_, name) => `{${name.replace(/%20/g, ' ')}}`);
        return this.step(when, [shown, ...rest]);
    }
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
function dryRunTarget(session, baseUrls) {
    return { clientId: session.clientId, imsOrgId: session.imsOrgId, sandboxName: session.sandboxName, baseUrls };
}

;// CONCATENATED MODULE: ./src/explore/requests.ts


function previewCall(connectionId, file, format) {
    const query = new URLSearchParams({ objectType: 'file', object: file, fileType: format.fileType, preview: 'true' });
    if (format.columnDelimiter !== undefined)
        query.set('columnDelimiter', format.columnDelimiter);
    if (format.compressionType !== undefined)
        query.set('compressionType', format.compressionType);
    if (format.encoding !== undefined)
        query.set('encoding', format.encoding);
    return {
        service: 'Flow Service',
        method: 'GET',
        path: `/connections/${encodeURIComponent(connectionId)}/explore?${query.toString().replace(/\+/g, '%20')}`,
        label: EXPLORE_LABEL
    };
}
function folderOf(file) {
    const cut = file.lastIndexOf('/');
    return cut <= 0 ? undefined : file.slice(0, cut + 1);
}
function listedFolder(config) {
    return config.preview !== undefined ? folderOf(config.preview.file) : config.path;
}

;// CONCATENATED MODULE: ./src/explore/dry-run.ts


function describeDryRun(config) {
    const plan = new DryRunPlan(dryRunTarget(config.session, { 'Flow Service': config.flowServiceUrl, Catalog: '', 'Data Prep': '' })).token(config.session);
    const folder = listedFolder(config);
    const again = config.waitSeconds > 0
        ? `, then again with backoff for up to ${config.waitSeconds} s until an entry matches "${config.expect ?? ''}"`
        : '';
    plan.call(`List ${folder ?? 'the root'}${again}`, listCall(config.connectionId, folder));
    if (config.preview !== undefined)
        plan.call(`Preview ${config.preview.file}`, previewCall(config.connectionId, config.preview.file, config.preview.format));
    return plan.lines();
}

// EXTERNAL MODULE: ./src/platform/defaults.ts
var defaults = __webpack_require__(4069);
;// CONCATENATED MODULE: ./src/platform/input-reader.ts



const MAX_NAME_LENGTH = 200;
const MAX_DESCRIPTION_LENGTH = 1024;
class InputError extends Error {
    problems;
    constructor(problems) {
        super(problems.length === 1 ? (problems[0] ?? '') : `Invalid inputs:\n${problems.map((p) => `- ${p}`).join('\n')}`);
        this.problems = problems;
        this.name = 'InputError';
    }
}
const CONTROL = /[\u0000-\u001f\u007f]/;
const WHITESPACE = /\s/;
class InputReader {
    getInput;
    defaults;
    problems = [];
    constructor(getInput, defaults) {
        this.getInput = getInput;
        this.defaults = defaults;
    }
    raw(name) {
        return this.getInput(name).trim();
    }
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
    isSet(name) {
        const value = this.raw(name);
        return value !== '' && value !== (this.defaults[name] ?? '');
    }
    name(name, hint) {
        const value = this.required(name, `${hint}; the name is also how a later run finds it`);
        this.check(name, value, (v) => !hasControl(v) && v.length <= MAX_NAME_LENGTH, `must be one line of at most ${MAX_NAME_LENGTH} characters`);
        return value;
    }
    description() {
        const value = this.optional('description');
        this.check('description', value, (v) => v.length <= MAX_DESCRIPTION_LENGTH, `must be at most ${MAX_DESCRIPTION_LENGTH} characters`);
        return value;
    }
    fail(problem) {
        this.problems.push(problem);
    }
    check(name, value, ok, accepted) {
        if (value !== undefined && value !== '' && !ok(value))
            this.fail(`Input '${name}' ${accepted}.`);
    }
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
    requiredChoice(name, choices, hint) {
        const value = this.required(name, hint);
        const chosen = choices.find((c) => c === value);
        if (chosen !== undefined)
            return chosen;
        if (value !== '')
            this.fail(`Input '${name}' must be one of ${choices.map((c) => `'${c}'`).join(', ')}; got '${printable(value)}'.`);
        return choices[0];
    }
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
    secret(name, value, what, hint = '') {
        this.check(name, value, singleToken, `must be a single line without spaces; check that the whole ${what} was pasted${hint}`);
        this.check(name, value, (v) => !singleToken(v) || v.length >= MIN_SECRET_LENGTH, `is ${value?.length ?? 0} characters long, shorter than any real ${what} (${MIN_SECRET_LENGTH} at least); check that the right secret is passed`);
    }
    baseUrl(name) {
        const value = this.withDefault(name);
        return this.checkedUrl(name, value, this.defaultOf(name)) ?? value;
    }
    checkedUrl(name, value, example) {
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
function withoutUserinfo(value) {
    const scheme = value.indexOf('//');
    const at = value.lastIndexOf('@');
    if (at === -1)
        return value;
    return scheme !== -1 && scheme < at ? `${value.slice(0, scheme + 2)}***@${value.slice(at + 1)}` : `***@${value.slice(at + 1)}`;
}
function printable(value) {
    return oneLine(value, 80);
}

;// CONCATENATED MODULE: ./src/explore/match.ts
function parseGlob(glob) {
    const chars = Array.from(glob);
    const parts = [];
    for (let i = 0; i < chars.length; i++) {
        const c = chars[i] ?? '';
        if (c === '*')
            parts.push({ kind: 'any-run' });
        else if (c === '?')
            parts.push({ kind: 'any-one' });
        else if (c === '[' && classEnd(chars, i) !== -1) {
            const negated = chars[i + 1] === '!';
            const close = classEnd(chars, i);
            const ranges = classRanges(chars.slice(i + (negated ? 2 : 1), close));
            if (typeof ranges === 'string')
                return ranges;
            parts.push({ kind: 'class', negated, ranges });
            i = close;
        }
        else
            parts.push({ kind: 'literal', char: c });
    }
    return parts;
}
function classEnd(chars, open) {
    const first = chars[open + 1] === '!' ? open + 2 : open + 1;
    return chars.indexOf(']', first + 1);
}
function classRanges(members) {
    const ranges = [];
    for (let i = 0; i < members.length; i++) {
        const low = members[i] ?? '';
        const high = members[i + 2];
        if (members[i + 1] === '-' && high !== undefined) {
            if ((low.codePointAt(0) ?? 0) > (high.codePointAt(0) ?? 0))
                return `has the range [${low}-${high}] out of order; write [${high}-${low}]`;
            ranges.push([low, high]);
            i += 2;
        }
        else
            ranges.push([low, low]);
    }
    return ranges;
}
function globMatches(parts, name) {
    const chars = Array.from(name);
    let p = 0;
    let n = 0;
    let star = -1;
    let starN = 0;
    while (n < chars.length) {
        const part = parts[p];
        if (part?.kind === 'any-run') {
            star = p++;
            starN = n;
        }
        else if (part !== undefined && matchesOne(part, chars[n] ?? '')) {
            p++;
            n++;
        }
        else if (star !== -1) {
            p = star + 1;
            n = ++starN;
        }
        else
            return false;
    }
    while (parts[p]?.kind === 'any-run')
        p++;
    return p === parts.length;
}
function matchesOne(part, char) {
    switch (part.kind) {
        case 'any-one':
            return true;
        case 'literal':
            return part.char === char;
        case 'class': {
            const code = char.codePointAt(0) ?? 0;
            const inside = part.ranges.some(([low, high]) => code >= (low.codePointAt(0) ?? 0) && code <= (high.codePointAt(0) ?? 0));
            return inside !== part.negated;
        }
    }
}
function matchesOf(entries, expect) {
    if (expect === undefined)
        return entries.filter((e) => e.type === 'file').map((e) => e.path);
    const parts = parseGlob(expect);
    if (typeof parts === 'string')
        throw new Error(`Input 'expect' ${parts}.`);
    return entries.filter((e) => globMatches(parts, e.name)).map((e) => e.path);
}
function nextWaitMs(look, leftMs) {
    return Math.max(0, Math.min(2000 * 2 ** (look - 1), 30_000, leftMs));
}

;// CONCATENATED MODULE: ./src/platform/server-values.ts


const ID = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{24}|[0-9a-f]{32})$/i;
const ETAG = /^(?:W\/)?"[\x21\x23-\x7e]{1,128}"$/;
function isId(value) {
    return typeof value === 'string' && ID.test(value);
}
function sameId(a, b) {
    return a.toLowerCase() === b.toLowerCase();
}
function isEtag(value) {
    return typeof value === 'string' && ETAG.test(value);
}
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
function wholeNumber(value) {
    const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,16}$/.test(value.trim()) ? Number(value) : undefined;
    return n !== undefined && Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}
function createdAtOf(item) {
    const createdAt = wholeNumber(item.createdAt);
    return createdAt === undefined ? {} : { createdAt };
}

;// CONCATENATED MODULE: ./src/platform/session.ts


const SESSION_SECRET_INPUTS = ['client-secret', 'access-token'];
const MAX_ATTEMPTS_LIMIT = 20;
const TIMEOUT_SECONDS_LIMIT = 3600;
const MISSING_SECRET_NOTE = 'a secret that does not exist where the job runs arrives as an empty string (a misspelt secret name, a pull request from a fork, or a secret of another environment)';
const ORG_ID = /^[A-Za-z0-9]+@AdobeOrg$/;
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
function serviceUrl(session, service) {
    return `${session.platformUrl}${defaults/* SERVICE_PATHS */.z[service]}`;
}


;// CONCATENATED MODULE: ./src/explore/inputs.ts





const DEFAULTS = {
    ...defaults/* SESSION_DEFAULTS */.u,
    preview: 'false',
    encoding: 'UTF-8',
    'wait-seconds': '0',
    'dry-run': 'false'
};
const SECRET_INPUTS = SESSION_SECRET_INPUTS;
const MAX_WAIT_SECONDS = 21_600;
const FILE_TYPES = ['delimited', 'json', 'parquet'];
const COMPRESSIONS = ['bzip2', 'gzip', 'deflate', 'zipDeflate', 'tarGzip', 'tar'];
const ENCODINGS = ['UTF-8', 'ISO-8859-1'];
function readConfig(getInput) {
    const r = new InputReader(getInput, DEFAULTS);
    const session = readSession(r);
    const connectionId = r.required('connection-id', "pass the connection action's output, e.g. '${{ steps.s3.outputs.connection-id }}'");
    r.check('connection-id', connectionId, isId, `must be a connection id (a UUID); got '${printable(connectionId)}'`);
    const path = r.optional('path');
    r.check('path', path, (v) => !hasControl(v) && v.length <= 2048, 'must be one line naming a folder or file, as explore listings give it');
    const preview = r.boolean('preview') ? readPreview(r, path) : undefined;
    if (!r.boolean('preview'))
        refuseUnused(r, FORMAT_INPUTS, "with 'preview: true'", "set 'preview: true', or remove");
    const expect = r.optional('expect');
    r.check('expect', expect, (v) => !hasControl(v) && v.length <= 256, 'must be one glob on entry names, such as "*.csv" or "export-*.json"');
    const globProblem = expect !== undefined ? parseGlob(expect) : undefined;
    if (typeof globProblem === 'string')
        r.fail(`Input 'expect' ${globProblem}.`);
    const waitSeconds = r.number('wait-seconds', { integer: true, min: 0, max: MAX_WAIT_SECONDS });
    if (waitSeconds > 0 && expect === undefined) {
        r.fail("Input 'wait-seconds' waits for an entry matching 'expect': set 'expect' too (such as '*.csv'), or set 'wait-seconds' to 0.");
    }
    const dryRun = r.boolean('dry-run');
    r.done();
    return {
        session,
        flowServiceUrl: serviceUrl(session, 'flowService'),
        connectionId,
        ...(path !== undefined && { path }),
        ...(preview !== undefined && { preview }),
        ...(expect !== undefined && { expect }),
        waitSeconds,
        dryRun
    };
}
function readPreview(r, path) {
    if (path === undefined || path.endsWith('/')) {
        r.fail("Input 'preview' reads a file: set 'path' to a file path as listings give it (such as '/my-bucket/daily/export.csv'), not a folder.");
        return undefined;
    }
    const guessed = guessFormat(path);
    const fileType = r.optional('file-type') !== undefined ? r.choice('file-type', FILE_TYPES) : guessed.fileType;
    if (fileType === undefined) {
        r.fail(`Input 'file-type' is needed: the type of '${printable(path)}' cannot be told from its extension; set 'delimited', 'json' or 'parquet'.`);
        return undefined;
    }
    const compressionType = r.optional('compression-type') !== undefined ? r.choice('compression-type', COMPRESSIONS) : guessed.compressionType;
    const format = { fileType, ...(compressionType !== undefined && { compressionType }) };
    if (fileType !== 'delimited') {
        refuseUnused(r, ['column-delimiter', 'encoding'], `for delimited files, and this preview reads ${fileType}`, 'remove');
        return { file: path, format };
    }
    const columnDelimiter = r.getRaw('column-delimiter') || (/\.tsv(\.[a-z0-9]+)?$/i.test(path) ? '\t' : ',');
    r.check('column-delimiter', columnDelimiter, (v) => Array.from(v).length === 1 && (v === '\t' || !hasControl(v)), `must be exactly one character (such as ',' or '|'); got '${printable(columnDelimiter)}'`);
    const encoding = r.choice('encoding', ENCODINGS);
    return { file: path, format: { ...format, columnDelimiter, encoding } };
}
const FORMAT_INPUTS = ['file-type', 'compression-type', 'column-delimiter', 'encoding'];
function refuseUnused(r, names, when, fix) {
    const set = names.filter((name) => r.isSet(name));
    if (set.length === 0)
        return;
    const listed = set.map((name) => `'${name}'`).join(', ');
    const many = set.length > 1;
    r.fail(`Input${many ? 's' : ''} ${listed} ${many ? 'are' : 'is'} only read ${when}: ${fix} ${many ? 'them' : 'it'}.`);
}
function guessFormat(path) {
    const name = (path.split('/').pop() ?? '').toLowerCase();
    const compressions = [
        ['.tar.gz', 'tarGzip'],
        ['.tgz', 'tarGzip'],
        ['.tar', 'tar'],
        ['.gz', 'gzip'],
        ['.bz2', 'bzip2'],
        ['.zip', 'zipDeflate'],
        ['.deflate', 'deflate']
    ];
    const compression = compressions.find(([suffix]) => name.endsWith(suffix));
    const base = compression === undefined ? name : name.slice(0, -compression[0].length);
    const type = /\.(csv|tsv|txt)$/.test(base)
        ? 'delimited'
        : base.endsWith('.json')
            ? 'json'
            : base.endsWith('.parquet')
                ? 'parquet'
                : undefined;
    return { ...(type !== undefined && { fileType: type }), ...(compression !== undefined && { compressionType: compression[1] }) };
}

;// CONCATENATED MODULE: ./src/explore/look.ts



class NothingMatchedError extends Error {
    constructor(message) {
        super(message);
        this.name = 'NothingMatchedError';
    }
}
const NAMES_SHOWN = 10;
async function lookUntilMatch(d, where, expect, waitMs) {
    const started = d.clock.now();
    for (let look = 1;; look++) {
        const entries = await d.list();
        const matches = matchesOf(entries, expect);
        if (expect === undefined || matches.length > 0)
            return { entries, matches, looks: look };
        const leftMs = waitMs - (d.clock.now() - started);
        if (leftMs <= 0)
            throw new NothingMatchedError(nothingMessage(where, expect, entries, look, waitMs));
        const delay = nextWaitMs(look, leftMs);
        d.log(`Nothing in ${where} matches ${text_quoted(expect)} yet (${entries.length} entries listed); looking again in ${formatSeconds(delay)}.`);
        await d.clock.sleep(delay);
    }
}
function nothingMessage(where, expect, entries, looks, waitMs) {
    const waited = waitMs > 0 ? ` within ${formatSeconds(waitMs)} (listed ${looks} times)` : '';
    const names = entries.slice(0, NAMES_SHOWN).map((e) => text_quoted(e.name, 80));
    const more = entries.length > names.length ? ` and ${entries.length - names.length} more` : '';
    const last = entries.length === 0 ? 'was empty' : `held ${entries.length}: ${names.join(', ')}${more}`;
    return `No entry in ${oneLine(where)} matches ${text_quoted(expect)}${waited}; the last listing ${last}. Check 'path' and 'expect', or raise 'wait-seconds' if the file lands later.`;
}

;// CONCATENATED MODULE: ./src/explore/outputs.ts
const MAX_OUTPUTS_BYTES = 900_000;
function boundedJson(items, maxBytes = MAX_OUTPUTS_BYTES) {
    const parts = [];
    let bytes = 2;
    for (const item of items) {
        const part = JSON.stringify(item);
        const more = Buffer.byteLength(part) + (parts.length > 0 ? 1 : 0);
        if (bytes + more > maxBytes)
            break;
        parts.push(part);
        bytes += more;
    }
    return { json: `[${parts.join(',')}]`, kept: parts.length, bytes };
}
function entryOutput(entry) {
    return { type: entry.type, name: entry.name, path: entry.path };
}
function outputsOf(entries, matches, preview, budget = MAX_OUTPUTS_BYTES) {
    const count = String(entries.length);
    let left = budget - count.length;
    const cut = [];
    const take = (name, items) => {
        const bounded = boundedJson(items, left);
        left -= bounded.bytes;
        if (bounded.kept < items.length)
            cut.push({ name, kept: bounded.kept, total: items.length });
        return bounded.json;
    };
    const columns = preview !== undefined ? take('columns', preview.columns) : undefined;
    const matched = take('matches', matches);
    const rows = preview !== undefined ? take('rows', preview.rows) : undefined;
    const listed = take('entries', entries.map(entryOutput));
    return {
        values: {
            entries: listed,
            count,
            matches: matched,
            ...(columns !== undefined && { columns }),
            ...(rows !== undefined && { rows })
        },
        cut
    };
}

;// CONCATENATED MODULE: ./src/explore/preview.ts



const MAX_ROWS = 20;
function preview_readPreview(json) {
    if (Array.isArray(json))
        return { columns: readColumns(json), rows: [] };
    if (isObject(json) && isObject(json.schema) && Array.isArray(json.schema.columns)) {
        const rows = Array.isArray(json.data) ? json.data.filter(isObject).slice(0, MAX_ROWS) : [];
        return { columns: readColumns(json.schema.columns), rows };
    }
    throw new errors_UnexpectedResponseError('Flow Service', EXPLORE_LABEL, 'the preview is neither an array of columns nor a {schema, data} object');
}
function readColumns(values) {
    return values.flatMap((value) => {
        if (!isObject(value) || typeof value.name !== 'string')
            return [];
        const xdm = isObject(value.xdm) && typeof value.xdm.type === 'string' ? value.xdm.type : undefined;
        const type = typeof value.type === 'string' ? value.type : (xdm ?? 'unknown');
        return [{ name: value.name, type }];
    });
}

;// CONCATENATED MODULE: ./src/platform/summary.ts



const MAX_SUMMARY_BYTES = 900 * 1024;
const MAX_COLUMNS = 100;
class Summary {
    maxBytes;
    parts = [];
    bytes = 0;
    constructor(maxBytes = MAX_SUMMARY_BYTES) {
        this.maxBytes = maxBytes;
    }
    heading(text) {
        return this.add(`<h3>${summaryText(text)}</h3>`);
    }
    facts(rows) {
        return this.table(['Field', 'Value'], rows.map(([field, value]) => [field, value]), { codeColumns: [1] });
    }
    table(header, rows, options = {}) {
        const code = new Set(options.codeColumns ?? []);
        const cell = (value, column) => (code.has(column) ? `<code>${summaryText(value)}</code>` : summaryText(value));
        const columns = Math.min(header.length, MAX_COLUMNS);
        const head = `<tr>${header
            .slice(0, columns)
            .map((h) => `<th>${summaryText(h)}</th>`)
            .join('')}</tr>`;
        let left = this.maxBytes - this.bytes - utf8(head) - 400;
        const body = [];
        for (const row of rows) {
            const html = `<tr>${row
                .slice(0, columns)
                .map((value, column) => `<td>${cell(value, column)}</td>`)
                .join('')}</tr>`;
            if (utf8(html) > left)
                break;
            body.push(html);
            left -= utf8(html);
        }
        if (left < 0)
            return this.note('A table was left out: the job summary of a step holds 1 MiB at most.');
        this.add(`<table>${head}${body.join('')}</table>`);
        const cut = [
            ...(body.length < rows.length ? [`${body.length} of ${rows.length} rows`] : []),
            ...(columns < header.length ? [`${columns} of ${header.length} columns`] : [])
        ];
        return cut.length > 0 ? this.note(`The table above shows ${cut.join(' and ')}: the job summary of a step holds 1 MiB at most.`) : this;
    }
    dryRun() {
        return this.paragraph('the inputs are valid; no token was requested and nothing was sent. The step log lists the requests a real run would send.', 'Dry run:');
    }
    paragraph(text, label) {
        return this.add(`<p>${label !== undefined ? `<strong>${summaryText(label)}</strong> ` : ''}${summaryText(text, 2000)}</p>`);
    }
    link(text, url) {
        return /^https:\/\//.test(url) ? this.add(`<p><a href="${summaryText(url)}">${summaryText(text)}</a></p>`) : this;
    }
    html() {
        return this.parts.join('\n');
    }
    note(text) {
        return this.add(`<p><em>${summaryText(text)}</em></p>`);
    }
    add(part) {
        const size = utf8(part) + 1;
        if (this.bytes + size > this.maxBytes)
            return this;
        this.parts.push(part);
        this.bytes += size;
        return this;
    }
    async write() {
        if (!process.env.GITHUB_STEP_SUMMARY)
            return;
        try {
            await core/* summary */.z.addRaw(this.html(), true).write();
        }
        catch (error) {
            core/* warning */.$e(`Could not write the job summary: ${errorMessage(error)}`);
        }
        finally {
            core/* summary */.z.emptyBuffer();
        }
    }
}
function utf8(text) {
    return Buffer.byteLength(text, 'utf8');
}

;// CONCATENATED MODULE: ./src/explore/summary.ts

const SUMMARY_ENTRIES = 100;
async function writeSummary(facts) {
    const summary = new Summary().heading(`Explore ${facts.listed}`);
    if (facts.entries !== undefined) {
        const shown = facts.entries.slice(0, SUMMARY_ENTRIES);
        summary.table(['Type', 'Name', 'Path'], shown.map((e) => [e.type, e.name, e.path]), { codeColumns: [2] });
        if (facts.entries.length > shown.length)
            summary.paragraph(`${shown.length} of ${facts.entries.length} entries shown.`);
    }
    if (facts.expect !== undefined && facts.matches !== undefined) {
        summary.paragraph(`${facts.matches.length} entr${facts.matches.length === 1 ? 'y matches' : 'ies match'} ${facts.expect}`, 'Expected:');
    }
    if (facts.preview !== undefined) {
        const { columns, rows } = facts.preview.result;
        summary.paragraph(facts.preview.file, 'Preview of');
        summary.table(columns.map((c) => `${c.name} (${c.type})`), rows.map((row) => columns.map((c) => cellText(row[c.name]))));
    }
    if (facts.dryRun === true)
        summary.dryRun();
    if (facts.error !== undefined)
        summary.paragraph(facts.error, 'Failed:');
    if (facts.runUrl !== undefined)
        summary.link('Workflow run', facts.runUrl);
    await summary.write();
}
function cellText(value) {
    if (value === undefined || value === null)
        return '';
    return typeof value === 'string' ? value : JSON.stringify(value);
}

;// CONCATENATED MODULE: ./src/explore/main.ts












const USER_AGENT = 'aep-s3-explore-action/1';
async function run() {
    const rt = createRuntime();
    let config;
    let session;
    let context;
    const facts = {};
    try {
        config = readConfig(runnerInputs(rt, SECRET_INPUTS));
        if (config.dryRun) {
            core/* info */.pq(rt.secrets.redact(describeDryRun(config).join('\n')));
            await summarize(config, loadRunContext(), { dryRun: true });
            return;
        }
        const connecting = connect(config.session, rt, {
            wait: { seconds: config.waitSeconds, input: 'wait-seconds' },
            makesThings: false,
            userAgent: USER_AGENT,
            baseUrls: { 'Flow Service': config.flowServiceUrl, Catalog: '', 'Data Prep': '' },
            warm: ['Flow Service']
        });
        context = loadRunContext();
        session = await connecting;
        const api = session.waiting();
        const { connectionId, preview, expect } = config;
        const folder = listedFolder(config);
        const where = folder ?? 'the root';
        const previewing = preview !== undefined && config.waitSeconds === 0 ? readFile(api, connectionId, preview) : undefined;
        previewing?.catch(() => undefined);
        const list = async () => readListing((await api.send(listCall(connectionId, folder))).json);
        const looked = await lookUntilMatch({ list, clock: systemClock, log: rt.info }, where, expect, config.waitSeconds * 1000);
        Object.assign(facts, { entries: looked.entries, matches: looked.matches });
        rt.info(`Listed ${where}: ${looked.entries.length} entries; ${looked.matches.length} ${expect !== undefined ? `match "${expect}"` : 'files'}.`);
        const previewed = preview !== undefined ? await (previewing ?? readFile(api, connectionId, preview)) : undefined;
        if (preview !== undefined && previewed !== undefined) {
            facts.preview = { file: preview.file, result: previewed };
            rt.info(`Previewed ${preview.file}: ${previewed.columns.length} columns, ${previewed.rows.length} sample row${previewed.rows.length === 1 ? '' : 's'}.`);
        }
        setOutputsOf(rt, outputsOf(looked.entries, looked.matches, previewed));
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
async function readFile(api, connectionId, preview) {
    return preview_readPreview((await api.send(previewCall(connectionId, preview.file, preview.format))).json);
}
function setOutputsOf(rt, outputs) {
    for (const { name, kept, total } of outputs.cut)
        rt.warning(`The ${name} output holds the first ${kept} of ${total} (a step's outputs take 1 MB at most); count has every entry.`);
    setOutputs(outputs.values);
}
async function summarize(config, context, facts) {
    const { runUrl } = context !== undefined ? await context : {};
    await writeSummary({
        listed: listedFolder(config) ?? 'the root',
        ...facts,
        ...(config.expect !== undefined && { expect: config.expect }),
        ...(runUrl !== undefined && { runUrl })
    });
}


/***/ })

};
