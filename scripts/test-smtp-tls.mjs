// The TLS test SMTP server for ./test.sh: maildev never offers STARTTLS, so this one does.
// Two listeners with one certificate:
//   CK_SMTP_STARTTLS_PORT  plain connection, STARTTLS offered; AUTH only after STARTTLS
//   CK_SMTP_TLS_PORT       implicit TLS from the first byte (as port 465)
// Both require AUTH (PLAIN, LOGIN or XOAUTH2) with CK_SMTP_TLS_USER and either
// CK_SMTP_TLS_PASSWORD or the OAuth2 token CK_SMTP_TLS_TOKEN, and forward each accepted message
// unchanged to maildev's plain SMTP port (CK_SMTP_HOST:CK_SMTP_PORT), where the tests read it back.
// Senders and recipients starting with "ditolak" are refused (553 / 550).
// Reads TLS key and certificate from CK_SMTP_TLS_KEY and CK_SMTP_TLS_CA.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

// Resolved from .tools/node_modules, where ensure-test-tools.sh installs them.
const require = createRequire(process.env.CK_TOOLS_NODE_MODULES + '/');
const { SMTPServer } = require('smtp-server');
const nodemailer = require('nodemailer');

const env = (name) => {
    const value = process.env[name];
    if (!value) { console.error(`test-smtp-tls: ${name} is not set`); process.exit(2); }
    return value;
};
const user = env('CK_SMTP_TLS_USER'), password = env('CK_SMTP_TLS_PASSWORD'), token = env('CK_SMTP_TLS_TOKEN');
const key = readFileSync(env('CK_SMTP_TLS_KEY')), cert = readFileSync(env('CK_SMTP_TLS_CA'));
const forward = nodemailer.createTransport({
    host: process.env.CK_SMTP_HOST || '127.0.0.1', port: Number(env('CK_SMTP_PORT')), secure: false, ignoreTLS: true,
});

function onAuth(auth, session, callback) {
    if (auth.method === 'XOAUTH2') {
        if (auth.username === user && auth.accessToken === token) return callback(null, { user });
        // RFC 7628 style refusal: smtp-server sends the challenge, then 535.
        return callback(null, { data: { status: '401', schemes: 'bearer', scope: 'https://mail.test/' } });
    }
    if (auth.username === user && auth.password === password) return callback(null, { user });
    return callback(new Error('Invalid username or password'));
}

function onData(stream, session, callback) {
    const chunks = [];
    stream.on('data', (c) => chunks.push(c));
    stream.on('end', () => {
        forward.sendMail({
            envelope: { from: session.envelope.mailFrom.address, to: session.envelope.rcptTo.map((r) => r.address) },
            raw: Buffer.concat(chunks),
        }).then(() => callback(), (err) => callback(err));
    });
}

// Addresses starting with "ditolak" are refused, as a relay refuses a sender it does not own or an unknown mailbox.
const refuse = (code, text) => (address, session, callback) =>
    address.address.startsWith('ditolak') ? callback(Object.assign(new Error(text), { responseCode: code })) : callback();
const onMailFrom = refuse(553, '5.7.1 Sender address rejected: not owned by user');
const onRcptTo = refuse(550, '5.1.1 Recipient address rejected: mailbox unavailable');

const common = {
    key, cert, authMethods: ['PLAIN', 'LOGIN', 'XOAUTH2'], onAuth, onMailFrom, onRcptTo, onData, logger: false, banner: 'CampusKonseling TLS test server',
};
const listeners = [
    ['STARTTLS', new SMTPServer({ ...common, secure: false }), Number(env('CK_SMTP_STARTTLS_PORT'))],
    ['implicit TLS', new SMTPServer({ ...common, secure: true }), Number(env('CK_SMTP_TLS_PORT'))],
];
let ready = 0;
for (const [name, server, port] of listeners) {
    server.on('error', (err) => {
        console.error(`test-smtp-tls (${name}):`, err.message);
        // A port taken between test.sh's choice and here: fail, so test.sh says so.
        if (err.code === 'EADDRINUSE' || err.code === 'EACCES') process.exit(1);
    });
    server.listen(port, '127.0.0.1', () => {
        console.log(`test-smtp-tls: ${name} on 127.0.0.1:${port}`);
        if (++ready === listeners.length) console.log('test-smtp-tls: ready');
    });
}
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => process.exit(0));
