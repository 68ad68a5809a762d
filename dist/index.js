import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 2211:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   ZG: () => (/* binding */ takeEarlyConnection),
/* harmony export */   a3: () => (/* binding */ releaseEarlyConnections),
/* harmony export */   x2: () => (/* binding */ openEarlyConnections)
/* harmony export */ });
/* unused harmony export earlyTargets */
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_net__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_tls__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(1692);
/* harmony import */ var node_tls__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_tls__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(8422);
// Run first (index.ts, before it loads main.js): opens the connections the run will need while
// the rest of the code is still being loaded, so that the TCP and TLS handshakes (a round trip
// or two each on a real network) overlap start-up instead of following it. Nothing is sent on them until the inputs are validated and a request is made;
// a run that never uses them closes them (see releaseEarlyConnections).



const sockets = new Map();
/** The hosts a run will talk to, read from the raw inputs; none when nothing will be sent. */
function earlyTargets(env) {
    const input = (name) => (env[`INPUT_${name.toUpperCase()}`] ?? '').trim();
    // Not a run of the action (or one that will fail validation), or one that sends nothing.
    if (input('client-id') === '' || /^(true|True|TRUE)$/.test(input('dry-run')))
        return [];
    // Through a proxy the tunnel is opened per request by @actions/http-client; leave it alone.
    if (['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'].some((name) => (env[name] ?? '') !== ''))
        return [];
    const urls = [input('flow-service-url') || _inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULTS */ .zY['flow-service-url']];
    if (input('client-secret') !== '')
        urls.push(input('ims-url') || _inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULTS */ .zY['ims-url']);
    return urls.flatMap((value) => {
        try {
            const url = new URL(value);
            return url.protocol === 'https:' || (url.protocol === 'http:' && (0,_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .isLoopback */ .U9)(url.hostname)) ? [url] : [];
        }
        catch {
            // Invalid: the input validation will say so; nothing to open.
            return [];
        }
    });
}
/** Longest wait for DNS before the rest of the action is loaded anyway. */
const DIAL_WAIT_MS = 50;
/**
 * Starts the connections and resolves once each is being dialled. Node issues the connect only
 * from the event loop (after DNS, or on the next tick for an IP address), and loading the rest
 * of the action blocks that loop; so the caller waits for this before loading it.
 */
async function openEarlyConnections(env = process.env) {
    const dialling = [];
    for (const url of earlyTargets(env)) {
        if (sockets.has(url.origin))
            continue;
        const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
        const port = Number(url.port) || (url.protocol === 'https:' ? 443 : 80);
        const socket = url.protocol === 'https:' ? (0,node_tls__WEBPACK_IMPORTED_MODULE_1__.connect)({ host, port, ...((0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(host) === 0 && { servername: host }) }) : (0,node_net__WEBPACK_IMPORTED_MODULE_0__.connect)({ host, port });
        // Until a request takes it, it must not keep the process alive, nor crash it by failing.
        socket.unref();
        socket.on('error', () => socket.destroy());
        sockets.set(url.origin, socket);
        dialling.push((0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(host) === 0 ? new Promise((resolve) => socket.once('lookup', () => resolve()).once('close', () => resolve())) : Promise.resolve());
    }
    if (dialling.length === 0)
        return;
    let timer;
    const capped = new Promise((resolve) => (timer = setTimeout(resolve, DIAL_WAIT_MS)));
    // One turn of the event loop, so that connects queued for the next tick are issued.
    await Promise.race([Promise.all([...dialling, new Promise((resolve) => setImmediate(resolve))]), capped]);
    clearTimeout(timer);
}
/** Hands over the early connection to `origin`, if one was opened and is still alive. */
function takeEarlyConnection(origin) {
    const socket = sockets.get(origin);
    sockets.delete(origin);
    if (socket === undefined || socket.destroyed)
        return undefined;
    socket.ref();
    return socket;
}
function releaseEarlyConnections() {
    for (const socket of sockets.values())
        socket.destroy();
    sockets.clear();
}


/***/ }),

/***/ 9407:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _early_connect_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2211);
// The action's entry point (runs.main in action.yml bundles to dist/index.js). It is kept tiny:
// it dials the hosts of the run first, then loads the rest of the action (a larger chunk) while
// their handshakes are under way.

await (0,_early_connect_js__WEBPACK_IMPORTED_MODULE_0__/* .openEarlyConnections */ .x2)();
const { run } = await Promise.all(/* import() */[__nccwpck_require__.e(143), __nccwpck_require__.e(705)]).then(__nccwpck_require__.bind(__nccwpck_require__, 3705));
await run();
// The run is over and its outputs are written. A request tunnelled through a proxy cannot always
// be cut off (@actions/http-client's tunnel agent cannot destroy a pending CONNECT), so nothing
// may keep the step alive for long after this; the timer itself holds nothing open.
setTimeout(() => process.exit(), 1000).unref();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 8422:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   U9: () => (/* binding */ isLoopback),
/* harmony export */   Xg: () => (/* binding */ readConfig),
/* harmony export */   pH: () => (/* binding */ SECRET_INPUTS),
/* harmony export */   zY: () => (/* binding */ DEFAULTS)
/* harmony export */ });
/* unused harmony exports MAX_ATTEMPTS_LIMIT, TIMEOUT_SECONDS_LIMIT, InputError, isValidBucketName */
// Reads every input and validates it into one typed Config before any network call.
// Pure apart from the injected `getInput`, so every rule is a plain unit test.
/** Defaults, also declared in action.yml (a test keeps the two equal): running outside the runner must behave the same. */
const DEFAULTS = {
    'sandbox-name': 'prod',
    scopes: 'openid,session,AdobeID,read_organizations,additional_info.projectedProductContext',
    'ims-url': 'https://ims-na1.adobelogin.com',
    'flow-service-url': 'https://platform.adobe.io/data/foundation/flowservice',
    'auth-type': 'access-key',
    'connection-spec-id': 'ecadc60c-7455-4d87-84dc-2a0e293d997b',
    'connection-spec-version': '1.0',
    'if-exists': 'update',
    verify: 'false',
    'dry-run': 'false',
    'timeout-seconds': '120',
    'max-attempts': '5'
};
/** Inputs whose values are secrets: masked before anything else happens. */
const SECRET_INPUTS = ['client-secret', 'access-token', 's3-access-key', 's3-secret-key', 's3-session-token'];
const MAX_ATTEMPTS_LIMIT = 20;
const TIMEOUT_SECONDS_LIMIT = 3600;
class InputError extends Error {
    problems;
    constructor(problems) {
        super(problems.length === 1 ? problems[0] : `Invalid inputs:\n${problems.map((p) => `- ${p}`).join('\n')}`);
        this.problems = problems;
        this.name = 'InputError';
    }
}
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SANDBOX = /^[a-z0-9][a-z0-9-]*$/;
const ORG_ID = /^[A-Za-z0-9]+@AdobeOrg$/;
const SCOPE = /^[A-Za-z0-9_.:-]+$/;
const SPEC_VERSION = /^\d+(\.\d+)*$/;
// Header values and names cannot hold control characters; a pasted secret with a newline is a mistake.
const CONTROL = /[\u0000-\u001f\u007f]/;
const WHITESPACE = /\s/;
/** Collects problems so that one run reports every bad input at once, each naming its input. */
class Reader {
    getInput;
    problems = [];
    constructor(getInput) {
        this.getInput = getInput;
    }
    raw(name) {
        return this.getInput(name).trim();
    }
    optional(name) {
        const value = this.raw(name);
        return value === '' ? undefined : value;
    }
    withDefault(name) {
        return this.optional(name) ?? DEFAULTS[name];
    }
    required(name, hint) {
        const value = this.optional(name);
        if (value === undefined)
            this.fail(`Input '${name}' is required: ${hint}.`);
        return value ?? '';
    }
    fail(problem) {
        this.problems.push(problem);
    }
    /** Applies a check only to a value that is present, so a missing input yields one problem, not two. */
    check(name, value, ok, accepted) {
        if (value !== undefined && value !== '' && !ok(value))
            this.fail(`Input '${name}' ${accepted}.`);
    }
}
function readConfig(getInput) {
    const r = new Reader(getInput);
    const clientId = r.required('client-id', 'set it to the Client ID (API key) of your Adobe Developer Console project');
    r.check('client-id', clientId, singleToken, 'must be a single word without spaces (the Client ID from the Developer Console)');
    const credentials = readCredentials(r);
    const imsOrgId = r.required('ims-org-id', "set it to your IMS organization ID, which ends in '@AdobeOrg'");
    r.check('ims-org-id', imsOrgId, (v) => ORG_ID.test(v), "must be an IMS organization ID such as '1234ABCD5678EF90@AdobeOrg'");
    const sandboxName = r.withDefault('sandbox-name');
    r.check('sandbox-name', sandboxName, (v) => SANDBOX.test(v) && v.length <= 64, `must be a sandbox name of lower-case letters, digits and hyphens (such as 'prod' or 'dev-1'); got '${printable(sandboxName)}'`);
    const scopes = normaliseScopes(r.withDefault('scopes'));
    r.check('scopes', scopes, (v) => v.split(',').every((s) => SCOPE.test(s)), 'must be a comma-separated list of IMS scopes');
    if (scopes === '')
        r.fail("Input 'scopes' must list at least one IMS scope (the default is used when the input is empty).");
    const imsUrl = readUrl(r, 'ims-url', r.withDefault('ims-url'));
    const flowServiceUrl = readUrl(r, 'flow-service-url', r.withDefault('flow-service-url'));
    const connectionName = r.required('connection-name', 'name the base connection; the name is also how a later run finds it');
    r.check('connection-name', connectionName, (v) => !CONTROL.test(v) && v.length <= 256, 'must be one line of at most 256 characters');
    const description = r.optional('description');
    r.check('description', description, (v) => v.length <= 1024, 'must be at most 1024 characters');
    const s3 = readS3Auth(r);
    // Lower case, as Flow Service writes ids, so that lookups compare like with like.
    const connectionSpecId = r.withDefault('connection-spec-id').toLowerCase();
    r.check('connection-spec-id', connectionSpecId, (v) => UUID.test(v), `must be a UUID such as '${DEFAULTS['connection-spec-id']}' (the Amazon S3 source); got '${printable(connectionSpecId)}'`);
    const connectionSpecVersion = r.withDefault('connection-spec-version');
    r.check('connection-spec-version', connectionSpecVersion, (v) => SPEC_VERSION.test(v), "must be a version such as '1.0'");
    const ifExists = readChoice(r, 'if-exists', ['update', 'reuse', 'fail', 'create']);
    const verify = readBoolean(r, 'verify');
    const dryRun = readBoolean(r, 'dry-run');
    const timeoutSeconds = readNumber(r, 'timeout-seconds', { integer: false, max: TIMEOUT_SECONDS_LIMIT });
    const maxAttempts = readNumber(r, 'max-attempts', { integer: true, max: MAX_ATTEMPTS_LIMIT });
    if (r.problems.length > 0)
        throw new InputError(r.problems);
    return {
        clientId,
        credentials,
        imsOrgId,
        sandboxName,
        scopes,
        imsUrl,
        flowServiceUrl,
        connectionName,
        ...(description !== undefined && { description }),
        s3,
        connectionSpecId,
        connectionSpecVersion,
        ifExists,
        verify,
        dryRun,
        timeoutSeconds,
        maxAttempts
    };
}
function readCredentials(r) {
    const clientSecret = r.optional('client-secret');
    const accessToken = r.optional('access-token');
    if (clientSecret !== undefined && accessToken !== undefined) {
        r.fail("Inputs 'client-secret' and 'access-token' are both set: give exactly one ('client-secret' to let the action get a token from IMS, or 'access-token' to use a token you minted).");
    }
    else if (clientSecret === undefined && accessToken === undefined) {
        r.fail("Input 'client-secret' or 'access-token' is required: give the OAuth Server-to-Server client secret, or a ready IMS access token.");
    }
    // Never echo the value: these checks name the input only.
    r.check('client-secret', clientSecret, singleToken, 'must be a single line without spaces; check that the whole secret was pasted');
    r.check('access-token', accessToken, singleToken, "must be a single line without spaces; give the token itself, without 'Bearer '");
    return accessToken !== undefined ? { kind: 'access-token', accessToken } : { kind: 'client-secret', clientSecret: clientSecret ?? '' };
}
function readS3Auth(r) {
    const type = readChoice(r, 'auth-type', ['access-key', 'iam-role']);
    const bucketName = r.optional('bucket-name');
    r.check('bucket-name', bucketName, isValidBucketName, `must be an S3 bucket name: 3-63 lower-case letters, digits, dots and hyphens, starting and ending with a letter or digit, not shaped like an IP address; got '${printable(bucketName ?? '')}'`);
    const folderPath = r.optional('folder-path');
    r.check('folder-path', folderPath, (v) => !CONTROL.test(v) && v.length <= 1024, 'must be one line naming a folder in the bucket');
    if (type === 'iam-role') {
        for (const name of ['s3-access-key', 's3-secret-key', 's3-session-token', 'service-url']) {
            if (r.optional(name) !== undefined)
                r.fail(`Input '${name}' is only used with 'auth-type: access-key'; remove it, or set 'auth-type: access-key'.`);
        }
        if (bucketName === undefined)
            r.fail("Input 'bucket-name' is required with 'auth-type: iam-role': name the bucket whose policy trusts Adobe's role.");
        return { type, bucketName: bucketName ?? '', ...(folderPath !== undefined && { folderPath }) };
    }
    const accessKey = r.required('s3-access-key', "give the S3 access key ID ('auth-type: access-key' is the default)");
    r.check('s3-access-key', accessKey, singleToken, 'must be a single line without spaces');
    const secretKey = r.required('s3-secret-key', "give the S3 secret access key ('auth-type: access-key' is the default)");
    r.check('s3-secret-key', secretKey, singleToken, 'must be a single line without spaces');
    const sessionToken = r.optional('s3-session-token');
    r.check('s3-session-token', sessionToken, singleToken, 'must be a single line without spaces');
    const serviceUrl = r.optional('service-url');
    r.check('service-url', serviceUrl, (v) => parseUrl(v)?.protocol === 'https:', "must be an https:// S3 endpoint such as 'https://s3.eu-west-1.amazonaws.com/'");
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
function readChoice(r, name, choices) {
    const value = r.withDefault(name);
    if (choices.includes(value))
        return value;
    r.fail(`Input '${name}' must be one of ${choices.map((c) => `'${c}'`).join(', ')}; got '${printable(value)}'.`);
    return choices[0];
}
/** The YAML 1.2 core-schema booleans, as core.getBooleanInput accepts them. */
function readBoolean(r, name) {
    const value = r.withDefault(name);
    if (['true', 'True', 'TRUE'].includes(value))
        return true;
    if (['false', 'False', 'FALSE'].includes(value))
        return false;
    r.fail(`Input '${name}' must be 'true' or 'false'; got '${printable(value)}'.`);
    return false;
}
function readNumber(r, name, rule) {
    const value = r.withDefault(name);
    const shape = rule.integer ? /^\d+$/ : /^\d+(\.\d+)?$/;
    const n = Number(value);
    if (!shape.test(value) || !(n > 0) || n > rule.max) {
        const kind = rule.integer ? 'a whole number' : 'a number';
        r.fail(`Input '${name}' must be ${kind} greater than 0 and at most ${rule.max}, in decimal digits; got '${printable(value)}'.`);
        return Number(DEFAULTS[name]);
    }
    return n;
}
function readUrl(r, name, value) {
    const url = parseUrl(value);
    const example = DEFAULTS[name];
    if (url === undefined || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
        // Whatever stands before an '@' could be a password typed into the URL.
        const shown = printable(value.replace(/\/\/[^/@]*@/, '//***@'));
        r.fail(`Input '${name}' must be an absolute https:// URL such as '${example}'; got '${shown}'.`);
        return value;
    }
    if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
        r.fail(`Input '${name}' must use https:// (a bearer token never travels in clear text); http:// is accepted only for loopback hosts such as localhost or 127.0.0.1.`);
    }
    if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
        r.fail(`Input '${name}' must be a base URL without credentials, query or fragment, such as '${example}'.`);
    }
    return url.href.replace(/\/+$/, '');
}
function isLoopback(hostname) {
    if (hostname === 'localhost' || hostname === '[::1]')
        return true;
    const octets = hostname.split('.');
    return octets.length === 4 && octets[0] === '127' && octets.every((o) => /^\d{1,3}$/.test(o) && Number(o) <= 255);
}
function isValidBucketName(name) {
    return /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(name) && !name.includes('..') && !/^\d{1,3}(\.\d{1,3}){3}$/.test(name);
}
function parseUrl(value) {
    try {
        return new URL(value);
    }
    catch {
        return undefined;
    }
}
function normaliseScopes(value) {
    return value
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '')
        .join(',');
}
function singleToken(value) {
    return !WHITESPACE.test(value) && !CONTROL.test(value);
}
/** Echoes a non-secret value in an error message without letting it break the log line. */
function printable(value) {
    const flat = value.replace(/[\u0000-\u001f\u007f]/g, '?');
    return flat.length > 80 ? `${flat.slice(0, 77)}...` : flat;
}


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 5317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 6982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 3557:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(9407);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
