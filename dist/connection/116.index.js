export const id = 116;
export const ids = [116];
export const modules = {

/***/ 8116:
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

;// CONCATENATED MODULE: ./src/platform/json.ts
function json_isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
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
function quoted(value, max = MAX_LOGGED_CHARS) {
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
    const fromBody = json_isObject(json) ? decodeShape(json) : { message: str(oneLine(body, RAW_BODY_CHARS)) };
    const requestId = fromBody.requestId ?? str(requestIdHeader);
    return {
        ...(fromBody.code !== undefined && { code: fromBody.code }),
        ...(fromBody.message !== undefined && { message: fromBody.message }),
        ...(requestId !== undefined && { requestId })
    };
}
function decodeShape(json) {
    const report = json_isObject(json.report) ? json.report : {};
    const requestId = str(report['request-id']) ?? str(json['request-id']) ?? str(json.requestId);
    const withId = (e) => (requestId !== undefined ? { ...e, requestId } : e);
    const type = str(json.type);
    const flowCode = type?.slice(-48).match(/([A-Z]+-\d+-\d{3})$/)?.[1];
    if (flowCode !== undefined || json_isObject(json.report)) {
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
class UnexpectedResponseError extends Error {
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
    const token = json_isObject(res.json) ? res.json.access_token : undefined;
    if (typeof token !== 'string' || !/^[\x21-\x7e]{1,16384}$/.test(token)) {
        throw new UnexpectedResponseError('IMS', label, 'no usable "access_token" in the answer');
    }
    secrets.add(token);
    return token;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/platform/ownership.ts

const CLOCK_SKEW_MS = 2 * 60_000;
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

;// CONCATENATED MODULE: ./src/platform/ledger.ts

class Ledger {
    entries = [];
    made(what, id) {
        const known = this.find(id) ?? this.entries.find((e) => e.standing === 'uncertain' && e.what === what);
        if (known === undefined) {
            this.entries.push({ what, id, standing: 'made' });
            return;
        }
        known.id = id;
        known.standing = 'made';
    }
    uncertain(what) {
        this.entries.push({ what, standing: 'uncertain' });
    }
    undeletable(what, id) {
        this.entries.push({ what, id, standing: 'undeletable' });
    }
    kept(id) {
        const entry = this.find(id);
        if (entry !== undefined)
            entry.standing = 'kept';
    }
    deleted(id) {
        const entry = this.find(id);
        if (entry !== undefined)
            entry.standing = 'deleted';
    }
    left() {
        return this.entries.filter((e) => e.standing === 'made' || e.standing === 'uncertain');
    }
    account(nextRun) {
        const deleted = this.entries.filter((e) => e.standing === 'deleted');
        const left = this.left();
        const stays = this.entries.filter((e) => e.standing === 'undeletable');
        const sentences = [
            ...(deleted.length > 0 && left.length === 0 ? [`This run deleted what it had made (${names(deleted)}).`] : []),
            ...(left.length > 0 ? [`Left by this run: ${leftNames(left)}; ${nextRun}.`] : []),
            ...(stays.length > 0 ? [`Made by this run and kept, as no API deletes it: ${names(stays)}.`] : [])
        ];
        return sentences.length > 0 ? sentences.join(' ') : undefined;
    }
    find(id) {
        return this.entries.find((e) => e.id !== undefined && e.id.toLowerCase() === id.toLowerCase());
    }
}
function leftNames(left) {
    const made = left.filter((e) => e.standing === 'made');
    const uncertain = left.some((e) => e.standing === 'uncertain') ? ' (and a create whose answer was lost may have made one more)' : '';
    return `${made.length > 0 ? names(made) : 'nothing it knows of'}${uncertain}`;
}
function names(entries) {
    return entries.map((e) => oneLine(`${e.what} ${e.id ?? ''}`.trim(), 100)).join(', ') || 'nothing it knows of';
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
        throw new UnexpectedResponseError('Flow Service', EXPLORE_LABEL, 'the listing is not a JSON array');
    return json.flatMap((value) => {
        if (!json_isObject(value) || typeof value.type !== 'string' || typeof value.name !== 'string')
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
function continuationOf(list) {
    const links = list._links;
    const href = json_isObject(links) && json_isObject(links.next) ? links.next.href : undefined;
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
function followPage(first, next, baseUrl) {
    return next === undefined ? first : { ...first, path: nextPagePath(first.path, next, baseUrl, first) };
}
function encodeUnsafe(raw) {
    return raw.replace(/[^A-Za-z0-9\-._~!$'()*+,;=:@/?%]/g, (c) => encodeURIComponent(c));
}
function bad(listing, problem) {
    return new UnexpectedResponseError(listing.service, listing.label, problem);
}
function listEvery(api, first, read, limits = DEFAULT_PAGE_LIMITS) {
    const baseUrl = api.target.baseUrls[first.service];
    const listing = { service: first.service, label: first.label };
    const page = async (next) => {
        const res = await api.send(followPage(first, next, baseUrl));
        const list = isObject(res.json) ? res.json : undefined;
        if (list === undefined || !Array.isArray(list.items))
            throw bad(listing, 'no "items" array');
        const items = list.items.flatMap((value) => {
            const item = read(value);
            return item === undefined ? [] : [item];
        });
        const following = continuationOf(list);
        return following === undefined ? { items } : { items, next: following };
    };
    return listAll(page, (item) => item.id.toLowerCase(), listing, limits);
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

;// CONCATENATED MODULE: ./src/connection/requests.ts

const AUTH_SPEC_NAMES = { 'access-key': 'Access Key', 'iam-role': 'IAMRole Based' };
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
function deleteCall(id) {
    return {
        service: 'Flow Service',
        method: 'DELETE',
        path: `/connections/${encodeURIComponent(id)}`,
        label: 'DELETE /connections/{id}',
        accept: [404]
    };
}
function patchOperations(auth, description, current) {
    const operations = [{ op: 'replace', path: '/auth/params', value: auth.params }];
    const left = current.description !== undefined && markIn(current.description) !== undefined ? withoutMark(current.description) : undefined;
    const wanted = description ?? left;
    if (wanted !== undefined) {
        operations.push({ op: current.description === undefined ? 'add' : 'replace', path: '/description', value: wanted });
    }
    return operations;
}
function unmarkOperations(description) {
    return [{ op: 'replace', path: '/description', value: description }];
}
function verifyObject(s3) {
    if (s3.bucketName === undefined)
        return undefined;
    const folder = s3.type === 'access-key' ? (s3.folderPath ?? '').replace(/^\/+|\/+$/g, '') : '';
    return folder === '' ? `/${s3.bucketName}/` : `/${s3.bucketName}/${folder}/`;
}

;// CONCATENATED MODULE: ./src/connection/client.ts







const FLOW = 'Flow Service';
class ConnectionsClient {
    api;
    ledger;
    constructor(api, ledger) {
        this.api = api;
        this.ledger = ledger;
    }
    over(api) {
        return new ConnectionsClient(api, this.ledger);
    }
    find(name, specId) {
        return this.list(lookupCall(name, specId), (item) => item.name === name && sameId(item.spec.id, specId));
    }
    findNamed(specId, wanted) {
        return this.list(lookupCall(undefined, specId), (item) => wanted(item.name) && sameId(item.spec.id, specId));
    }
    async get(id) {
        const call = getCall(id);
        const res = await this.api.send(call);
        const items = json_isObject(res.json) ? res.json.items : undefined;
        const item = Array.isArray(items) ? readItem(items[0], call.label) : undefined;
        if (item === undefined)
            throw unexpected(call.label, 'no connection in "items"');
        return item;
    }
    async create(body, recover, what = 'connection') {
        const call = createCall(body);
        let res;
        try {
            res = await this.api.sendOrRecover(call, recover);
        }
        catch (error) {
            if (mayHaveTakenEffect(error))
                this.ledger.uncertain(what);
            throw error;
        }
        const written = isRecovered(res) ? res : await this.written(res, call.label);
        this.ledger.made(what, isRecovered(written) ? written.recovered.id : written.id);
        return written;
    }
    async patch(id, etag, operations) {
        const call = patchCall(id, etag, operations);
        const res = await this.api.send(call);
        return res.status === 412 ? 'stale' : this.written(res, call.label);
    }
    async delete(id) {
        await this.api.send(deleteCall(id));
        this.ledger.deleted(id);
    }
    async explore(id, folder) {
        const res = await this.api.send(listCall(id, folder));
        return readListing(res.json);
    }
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
            const list = json_isObject(res.json) ? res.json : undefined;
            if (list === undefined || !Array.isArray(list.items))
                throw unexpected(first.label, 'no "items" array');
            const items = list.items.flatMap((value) => {
                const item = readItem(value, first.label, keep);
                return item === undefined ? [] : [item];
            });
            const following = continuationOf(list);
            return following === undefined ? { items } : { items, next: following };
        };
        return listAll(page, (item) => item.id.toLowerCase(), { service: FLOW, label: first.label });
    }
    async written(res, label) {
        const body = json_isObject(res.json) ? res.json : {};
        const id = readId(body.id, 'id', { service: FLOW, label });
        if (isEtag(body.etag))
            return { id, etag: body.etag };
        const read = await this.get(id);
        return { id, etag: readEtag(read.etag, 'etag', { service: FLOW, label: 'GET /connections/{id}' }) };
    }
}
function readItem(value, label, keep = () => true) {
    if (!json_isObject(value) || typeof value.name !== 'string' || !json_isObject(value.connectionSpec))
        return undefined;
    const spec = value.connectionSpec;
    const candidate = {
        id: typeof value.id === 'string' ? value.id : '',
        name: value.name,
        spec: { id: typeof spec.id === 'string' ? spec.id : '', version: typeof spec.version === 'string' ? spec.version : '' },
        ...(typeof value.description === 'string' && { description: value.description }),
        ...(json_isObject(value.auth) && typeof value.auth.specName === 'string' && { authSpecName: value.auth.specName }),
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

;// CONCATENATED MODULE: ./src/platform/lag.ts
const LAG_SCHEDULE_MS = [0, 500, 1000, 2000, 2000];
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

// EXTERNAL MODULE: ./src/platform/defaults.ts
var defaults = __webpack_require__(4069);
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


;// CONCATENATED MODULE: ./src/connection/deps.ts
class VerifyError extends Error {
    constructor(message) {
        super(message);
        this.name = 'VerifyError';
    }
}

;// CONCATENATED MODULE: ./src/connection/probe.ts










const probe_MARK = ' (verify probe: ';
function probeName(connectionName, owner, nowMs, nonce) {
    const run = owner.runId !== undefined
        ? `${owner.repository ?? 'unknown repository'} run ${owner.runId} attempt ${owner.runAttempt ?? 1}`
        : `a run outside GitHub Actions at ${new Date(nowMs).toISOString()}`;
    return `${connectionName}${probe_MARK}${run}, ${nonce})`;
}
function isProbeOf(connectionName, name) {
    return name.startsWith(`${connectionName}${probe_MARK}`) && name.endsWith(')');
}
function probeOwner(connectionName, name) {
    const run = name.slice(`${connectionName}${probe_MARK}`.length, -1);
    const match = /^(.*) run (\d+) attempt (\d+), [0-9a-f]+$/.exec(run);
    if (match === null)
        return {};
    return { repository: match[1] ?? '', runId: Number(match[2]), runAttempt: Number(match[3]) };
}
const PROBE_MAX_AGE_MS = (TIMEOUT_SECONDS_LIMIT + 300) * 1000;
function isLeftover(probe, connectionName, self, nowMs) {
    const ownership = ownershipOf(probe.description, undefined, nowMs);
    if (ownership === 'abandoned')
        return true;
    if (ownership === 'committed' && probe.createdAt !== undefined && nowMs - probe.createdAt > PROBE_MAX_AGE_MS)
        return true;
    const owner = probeOwner(connectionName, probe.name);
    return (self.runId !== undefined &&
        owner.runId === self.runId &&
        owner.repository === (self.repository ?? 'unknown repository') &&
        (owner.runAttempt ?? 0) < (self.runAttempt ?? 1));
}
function probeBody(connection, auth, owner, name, mark) {
    const madeBy = owner.runUrl !== undefined ? `, made by ${owner.runUrl}` : '';
    const description = `Verification probe of connection ${quoted(connection.name)}${madeBy}: it proves new credentials before they replace the live ones, and is deleted by that run (or, if it was killed, by a later one).`;
    return { name, description: withMark(description, mark, MAX_DESCRIPTION_LENGTH), auth, connectionSpec: connection.spec };
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
function listed(entries, object) {
    return `${entries.length} entr${entries.length === 1 ? 'y' : 'ies'} listed in ${object ?? 'the root'}`;
}
class Probe {
    d;
    wanted;
    name;
    created;
    swept;
    deletion;
    uncertain = false;
    constructor(d, wanted) {
        this.d = d;
        this.wanted = wanted;
        this.name = d.context.then((context) => probeName(wanted.connection.name, context, d.clock.now(), (0,external_node_crypto_.randomBytes)(4).toString('hex')));
        this.created = this.create();
        this.swept = this.sweep();
        this.created.catch(() => undefined);
        this.name.catch(() => undefined);
    }
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
    async settle() {
        this.discard();
        await Promise.all([this.deletion, this.swept]);
    }
    async create() {
        const { connection } = this.wanted;
        const [context, name] = await Promise.all([this.d.context, this.name]);
        const body = probeBody(connection, this.wanted.auth, context, name, this.d.mark);
        const recover = async () => {
            this.uncertain = true;
            const { last } = await untilSeen(this.d, () => this.d.client.find(name, connection.spec.id), (found) => found.length > 0);
            return last[0];
        };
        const result = await this.d.client.create(body, recover, 'verification probe');
        return isRecovered(result) ? result.recovered.id : result.id;
    }
    async removeNamed(except) {
        let name;
        try {
            name = await this.name;
            const { connection } = this.wanted;
            const found = (await this.d.cleanup.find(name, connection.spec.id)).filter((p) => except === undefined || !sameId(p.id, except));
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
        const { connection } = this.wanted;
        try {
            const context = await this.d.context;
            const probes = await this.d.cleanup.findNamed(connection.spec.id, (name) => isProbeOf(connection.name, name));
            const leftovers = probes.filter((p) => isLeftover(p, connection.name, context, this.d.clock.now()));
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

;// CONCATENATED MODULE: ./src/connection/dry-run.ts






const MARK_SHOWN = '00000000';
function describeDryRun(config, description, context, nowMs) {
    const plan = new DryRunPlan(dryRunTarget(config.session, { 'Flow Service': config.flowServiceUrl, Catalog: '', 'Data Prep': '' })).token(config.session);
    const auth = authFor(config.s3);
    const shownMark = { token: MARK_SHOWN, until: nowMs + config.session.timeoutSeconds * 1000 };
    const { connectionName: name, connectionSpec: spec } = config;
    if (config.verify) {
        const probe = probeBody({ name, spec }, auth, context, probeName(name, context, nowMs, '{nonce}'), shownMark);
        plan.call('verify: true; sent with the lookup: a short-lived probe with the new credentials', createCall(probe));
        plan.call('verify: true; sent with the lookup: probes of this connection that earlier, killed runs left behind (each is deleted)', lookupCall(undefined, spec.id));
    }
    plan.call('Find the connection by name and spec (every page is read)', lookupCall(name, spec.id));
    if (config.verify)
        plan.call('verify: true; before any write: list the bucket through the probe', listCall('{probe id}', verifyObject(config.s3)));
    const create = newConnection(config, name, withMark(description, shownMark, MAX_DESCRIPTION_LENGTH));
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

;// CONCATENATED MODULE: ./src/platform/converge.ts


function survivorOf(items) {
    return [...items].sort((a, b) => (a.createdAt ?? Infinity) - (b.createdAt ?? Infinity) || compareIds(a.id, b.id))[0];
}
function compareIds(a, b) {
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
}
async function listWithOwn(d, list, ownId, readOwn) {
    const { last, seen } = await untilSeen(d, list, (items) => items.some((i) => sameId(i.id, ownId)));
    if (seen)
        return { kind: 'listed', items: last, lagging: false };
    const own = await readOwn();
    if (own === undefined)
        return { kind: 'gone', items: last };
    if (own.createdAt === undefined)
        return { kind: 'undated', own };
    return { kind: 'listed', items: [...last, own], lagging: true };
}

;// CONCATENATED MODULE: ./src/connection/decide.ts



const MAX_IDS_SHOWN = 10;
function decide(found, wanted) {
    if (wanted.ifExists === 'create' || found.length === 0)
        return { kind: 'create' };
    return decideExisting(found, wanted);
}
function decideExisting(found, wanted) {
    const where = `in sandbox ${quoted(wanted.sandboxName)}`;
    const [only, ...others] = found;
    if (only === undefined || others.length > 0) {
        return {
            kind: 'fail',
            reason: `${found.length} connections named ${quoted(wanted.name)} exist ${where}${idList(found)}; if-exists '${wanted.ifExists}' needs at most one, so nothing was changed. ` +
                'Delete the extra ones (DELETE /connections/{id}) or choose another connection-name.'
        };
    }
    if (wanted.ifExists === 'fail') {
        return {
            kind: 'fail',
            reason: `A connection named ${quoted(wanted.name)} already exists ${where}${idList(found)}, and if-exists is 'fail'. Use if-exists 'update' or 'reuse' to adopt it, or choose another connection-name.`
        };
    }
    const mismatch = mismatchOf(only, wanted);
    if (mismatch !== undefined)
        return { kind: 'fail', reason: mismatch };
    return wanted.ifExists === 'reuse' ? { kind: 'reuse', target: only } : { kind: 'update', target: only };
}
function mismatchOf(found, wanted) {
    const what = `Connection ${found.id} (${quoted(wanted.name)})`;
    if (found.spec.version !== '' && found.spec.version !== wanted.spec.version) {
        return `${what} uses connection spec version ${quoted(found.spec.version)}, but connection-spec-version is ${quoted(wanted.spec.version)}; nothing was changed. Set connection-spec-version to match, or choose another connection-name.`;
    }
    if (found.authSpecName !== undefined && found.authSpecName !== wanted.authSpecName) {
        return `${what} uses auth ${quoted(found.authSpecName)}, but this run gives ${quoted(wanted.authSpecName)}; Flow Service cannot switch a connection between auth types, so nothing was changed. Delete it, or choose another connection-name.`;
    }
    return undefined;
}
function converge(listed, ownId) {
    const survivor = survivorOf(listed);
    return survivor === undefined || sameId(survivor.id, ownId) ? { kind: 'kept' } : { kind: 'lost', survivor };
}
function newcomers(before, now) {
    return now.filter((c) => !before.has(c.id.toLowerCase()));
}
function idList(items) {
    if (items.length === 0)
        return '';
    const shown = items.slice(0, MAX_IDS_SHOWN).map((c) => c.id);
    const more = items.length - shown.length;
    return ` (${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''})`;
}

;// CONCATENATED MODULE: ./src/connection/ensure.ts












async function ensureConnection(d, wanted) {
    const { connection } = wanted;
    const probe = wanted.verify ? new Probe(d, wanted) : undefined;
    try {
        const found = await d.client.find(connection.name, connection.spec.id);
        d.log(`Found ${found.length} connection(s) named ${quoted(connection.name)} with spec ${connection.spec.id} in sandbox ${quoted(connection.sandboxName)}${idList(found)}.`);
        return await carryOut(d, wanted, decide(found, connection), found, probe);
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
const CONVERGE_PATCH_ATTEMPTS = 6;
async function update(d, wanted, target, attempts = 2) {
    let current = target;
    for (let attempt = 1; attempt <= attempts; attempt++) {
        const operations = patchOperations(wanted.auth, wanted.description, current);
        const result = await d.client.patch(current.id, await d.client.etagOf(current), operations);
        if (result !== 'stale')
            return { ...result, operation: 'updated' };
        if (attempt < attempts) {
            d.log(`Connection ${current.id}'s etag is no longer the one read (412): reading it again and retrying${attempts === 2 ? ' once' : ''}.`);
            if (attempts > 2)
                await d.clock.sleep(Math.floor(Math.random() * 250 * attempt));
            current = await d.client.get(current.id);
        }
    }
    throw new ConflictError(`Connection ${target.id} (${quoted(wanted.connection.name)}) changed again while this run updated it (412 ${attempts === 2 ? 'twice' : `${attempts} times`}); something else is writing to it. Run again when it is done.`);
}
async function createAndConverge(d, wanted, found) {
    const { connection } = wanted;
    const before = new Set(found.map((c) => c.id.toLowerCase()));
    const description = wanted.description ?? (await wanted.defaultDescription());
    const body = {
        name: connection.name,
        description: withMark(description, d.mark, MAX_DESCRIPTION_LENGTH),
        auth: wanted.auth,
        connectionSpec: connection.spec
    };
    const result = await d.client.create(body, () => lookForOwnCreate(d, connection, before));
    const own = isRecovered(result) ? await writtenOf(d, result.recovered) : result;
    const unmarking = unmark(d, own, description);
    const mine = (c) => markIn(c.description)?.token === d.mark.token;
    const copiesIn = (listed) => listed.filter((c) => !sameId(c.id, own.id) && mine(c));
    if (connection.ifExists === 'create') {
        const written = await unmarking;
        if (isRecovered(result))
            await deleteCopies(d, copiesIn(await d.client.find(connection.name, connection.spec.id)));
        return { ...written, operation: 'created' };
    }
    const [written, listed] = await Promise.all([unmarking, listIncludingOwn(d, connection, own.id)]);
    const convergence = converge(listed, own.id);
    if (convergence.kind === 'kept') {
        await deleteCopies(d, copiesIn(listed));
        return { ...written, operation: 'created' };
    }
    const { survivor } = convergence;
    if (mine(survivor)) {
        d.log(`This run's create took effect twice after a lost answer: keeping the older, ${survivor.id}, and deleting ${own.id}.`);
        await Promise.all([own, ...copiesIn(listed).filter((c) => !sameId(c.id, survivor.id))].map((c) => d.client.delete(c.id)));
        return { ...(await unmark(d, { id: survivor.id, etag: await d.client.etagOf(survivor) }, description)), operation: 'created' };
    }
    d.log(`Another run created ${quoted(connection.name)} at the same time: keeping the oldest, ${survivor.id}, and deleting this run's ${own.id}.`);
    await Promise.all([own, ...copiesIn(listed)].map((c) => d.client.delete(c.id)));
    return asFound(d, wanted, survivor);
}
async function unmark(d, own, description) {
    try {
        let etag = own.etag;
        for (let attempt = 1; attempt <= CONVERGE_PATCH_ATTEMPTS; attempt++) {
            const result = await d.client.patch(own.id, etag, unmarkOperations(description));
            if (result !== 'stale')
                return result;
            const current = await d.client.get(own.id);
            etag = await d.client.etagOf(current);
            if (markIn(current.description)?.token !== d.mark.token)
                return { id: own.id, etag };
            await d.clock.sleep(Math.floor(Math.random() * 250 * attempt));
        }
        throw new Error(`its etag changed ${CONVERGE_PATCH_ATTEMPTS} times while this run wrote it`);
    }
    catch (error) {
        d.warn(`Connection ${own.id}'s description still ends with this run's creation mark "[creating ${d.mark.token} …]": it could not be taken out (${errorMessage(error)}). The next run with if-exists 'update' takes it out.`);
        return own;
    }
}
async function deleteCopies(d, copies) {
    if (copies.length === 0)
        return;
    d.log(`This run's create took effect more than once after a lost answer: deleting the newer copies${idList(copies)}.`);
    await Promise.all(copies.map((c) => d.client.delete(c.id)));
}
async function writtenOf(d, found) {
    return { id: found.id, etag: await d.client.etagOf(found) };
}
async function asFound(d, wanted, target) {
    const decision = decideExisting([target], wanted.connection);
    if (decision.kind === 'update')
        return update(d, wanted, decision.target, CONVERGE_PATCH_ATTEMPTS);
    if (decision.kind === 'reuse')
        return { id: target.id, etag: await d.client.etagOf(target), operation: 'reused' };
    throw new ConflictError(decision.reason);
}
async function lookForOwnCreate(d, connection, before) {
    const isOwn = (c) => markIn(c.description)?.token === d.mark.token;
    const look = async () => newcomers(before, await d.client.find(connection.name, connection.spec.id));
    const { last, looks } = await untilSeen(d, look, (appeared) => appeared.some(isOwn));
    const undescribed = last.filter((c) => c.description === undefined);
    const read = await Promise.all(undescribed.map((c) => readIfExists(d, c.id)));
    const own = survivorOf(last.filter(isOwn)) ?? survivorOf(read.filter((c) => c !== undefined && isOwn(c)));
    if (own !== undefined) {
        d.log(`Connection ${own.id} appeared after this run's lookup with this run's creation mark: its create took effect, and its answer was lost.`);
        return own;
    }
    const others = last.length > 0
        ? ` (${last.length} other connection(s) named ${quoted(connection.name)} appeared, concurrent runs'${idList(last)})`
        : '';
    d.log(`No connection with this run's creation mark appeared after ${looks} lookup(s) following the create whose outcome is unknown${others}: sending it again.`);
    return undefined;
}
async function listIncludingOwn(d, connection, ownId) {
    const listed = await listWithOwn(d, () => d.client.find(connection.name, connection.spec.id), ownId, () => readIfExists(d, ownId));
    if (listed.kind === 'gone') {
        if (listed.items.length > 0)
            return listed.items;
        throw new ConflictError(`Connection ${ownId} was deleted while this run converged on ${quoted(connection.name)}, and no other shows; run again.`);
    }
    if (listed.kind === 'undated') {
        d.warn(`Connection ${ownId} does not show in GET /connections yet: its creation time is unknown, so it is kept, even if another run created ${quoted(connection.name)} at the same time.`);
        return [listed.own];
    }
    if (listed.lagging)
        d.warn(`Connection ${ownId} does not show in GET /connections yet: it is compared by creation time with the ${listed.items.length - 1} listed.`);
    return listed.items;
}
async function readIfExists(d, id) {
    try {
        return await d.client.get(id);
    }
    catch (error) {
        if (isNotFound(error))
            return undefined;
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/connection/inputs.ts



const DEFAULTS = {
    ...defaults/* SESSION_DEFAULTS */.u,
    'auth-type': 'access-key',
    'connection-spec-id': 'ecadc60c-7455-4d87-84dc-2a0e293d997b',
    'connection-spec-version': '1.0',
    'if-exists': 'update',
    verify: 'false',
    'dry-run': 'false'
};
const SECRET_INPUTS = [...SESSION_SECRET_INPUTS, 's3-access-key', 's3-secret-key', 's3-session-token'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SPEC_VERSION = /^\d+(\.\d+)*$/;
function readConfig(getInput) {
    const r = new InputReader(getInput, DEFAULTS);
    const session = readSession(r);
    const flowServiceInput = r.optional('flow-service-url');
    const flowServiceUrl = flowServiceInput !== undefined
        ? (r.checkedUrl('flow-service-url', flowServiceInput, 'https://platform.adobe.io/data/foundation/flowservice') ?? flowServiceInput)
        : serviceUrl(session, 'flowService');
    const connectionName = r.name('connection-name', 'name the base connection');
    const description = r.description();
    const s3 = readS3Auth(r);
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
function readServiceUrl(r, value) {
    const example = 'https://s3.eu-west-1.amazonaws.com/';
    if (!/^https:\/\//i.test(value)) {
        r.fail(`Input 'service-url' must be an https:// S3 endpoint such as '${example}'.`);
        return undefined;
    }
    return r.checkedUrl('service-url', value, example) !== undefined ? value : undefined;
}
function isValidBucketName(name) {
    return /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(name) && !name.includes('..') && !/^\d{1,3}(\.\d{1,3}){3}$/.test(name);
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

;// CONCATENATED MODULE: ./src/connection/summary.ts

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











const USER_AGENT = 'aep-s3-connection-action/1';
const HINTS = {
    'FLOW-1413-400': "check 'connection-spec-id' and 'connection-spec-version'",
    'FLOW-1415-400': "check 'auth-type': the connection spec has no such auth spec"
};
const NEXT_RUN = "each carries this run's mark: a later run with verify deletes a probe once this run's time is over, and a later run with if-exists 'update' takes the mark out of a connection";
async function run() {
    const rt = createRuntime();
    const ledger = new Ledger();
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
        context = loadRunContext();
        session = await connecting;
        const { api, cleanup } = session;
        const outcome = await ensureConnection({
            client: new ConnectionsClient(api, ledger),
            cleanup: new ConnectionsClient(cleanup, ledger),
            context,
            mark: session.mark,
            clock: systemClock,
            remainingMs: () => api.remainingMs(),
            log: rt.info,
            warn: rt.warning
        }, wanted(config, context));
        ledger.kept(outcome.id);
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
        const message = failStep(rt, error, ledger.account(NEXT_RUN));
        if (config !== undefined)
            await summarize(config, context, { operation: 'failed', verified: '-', error: message });
    }
    finally {
        session?.close();
    }
}
function wanted(config, context) {
    return {
        connection: {
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
