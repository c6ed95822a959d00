/**
 * A network that behaves like one in front of the sandbox: TLS, and half the round trip on every
 * packet flight each way, handshakes included. A client connects to a TCP proxy that delays
 * every chunk by `rttMs / 2` per direction (order kept, chunks in flight overlap as on a wire)
 * and costs a round trip to connect (SYN, SYN-ACK); behind it a TLS server with a self-signed
 * certificate made at start passes the plain requests on to the sandbox. So a new connection
 * per request pays the TCP and TLS handshakes as against the real API: 3 round trips with
 * TLS 1.3 before an answer, against 1 on a kept-alive connection.
 *
 * Clients must trust `ca` (undici: connect.ca; n8n and other Node processes: NODE_EXTRA_CA_CERTS
 * pointing at `caFile`).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import * as tls from 'node:tls';

/** One flight of packets through the proxy: which way, and how many bytes (0 for SYN/SYN-ACK). */
export interface Flight {
	direction: 'toServer' | 'toClient';
	bytes: number;
}

export interface TlsLatencyOptions {
	/** Where the plain sandbox listens. */
	target: { host: string; port: number };
	/** Round trip time; each flight waits half of it. */
	rttMs?: number;
	/** Replaces the wait of each flight (tests hold flights and count them instead of timing). */
	delay?: (flight: Flight) => Promise<void>;
}

export interface TlsLatency {
	/** https://127.0.0.1:PORT: the sandbox's origin behind TLS and the delay. */
	origin: string;
	/** The self-signed certificate (PEM), its own CA. */
	ca: string;
	/** The certificate in a file, for NODE_EXTRA_CA_CERTS. */
	caFile: string;
	/** Changes the round trip for flights from now on (the default wait only). */
	setRtt(rttMs: number): void;
	close(): Promise<void>;
}

const HOST = '127.0.0.1';

/** A certificate for 127.0.0.1 valid for a day, made with the machine's openssl. */
function selfSigned(dir: string): { key: string; cert: string; certFile: string } {
	const keyFile = path.join(dir, 'key.pem');
	const certFile = path.join(dir, 'cert.pem');
	execFileSync(
		'openssl',
		[
			'req',
			'-x509',
			'-newkey',
			'ec',
			'-pkeyopt',
			'ec_paramgen_curve:prime256v1',
			'-nodes',
			'-days',
			'1',
			'-subj',
			`/CN=${HOST}`,
			'-addext',
			`subjectAltName=IP:${HOST}`,
			'-keyout',
			keyFile,
			'-out',
			certFile,
		],
		{ stdio: 'ignore' },
	);
	return {
		key: fs.readFileSync(keyFile, 'utf8'),
		cert: fs.readFileSync(certFile, 'utf8'),
		certFile,
	};
}

/**
 * Passes chunks from `from` to `to`, each after its own wait, started when it arrives, so a
 * flight of several chunks arrives as one, later by one wait, and order is kept.
 */
function delayed(
	from: net.Socket,
	to: net.Socket,
	direction: Flight['direction'],
	delay: (flight: Flight) => Promise<void>,
) {
	let tail = Promise.resolve();
	from.on('data', (chunk: Buffer) => {
		const waited = delay({ direction, bytes: chunk.length });
		tail = tail.then(async () => {
			await waited;
			if (!to.destroyed) to.write(chunk);
		});
	});
	// What was sent before an end still arrives first, a flight later.
	from.on('end', () => void tail.then(() => to.end()));
}

async function listen(server: net.Server): Promise<number> {
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, HOST, () => resolve());
	});
	return (server.address() as net.AddressInfo).port;
}

export async function startTlsLatency(options: TlsLatencyOptions): Promise<TlsLatency> {
	let halfRtt = (options.rttMs ?? 0) / 2;
	const delay = options.delay ?? (async () => void (halfRtt > 0 && (await sleep(halfRtt))));
	const dir = fs.mkdtempSync(path.join(tmpdir(), 'mk-sandbox-tls-'));
	const { key, cert, certFile } = selfSigned(dir);
	const sockets = new Set<net.Socket>();
	/** Two ends of one connection: ends pass on in order; an error on either drops both. */
	const pair = (a: net.Socket, b: net.Socket) => {
		for (const socket of [a, b]) {
			// Each chunk goes out when its flight is due, not held back for an ACK (Nagle).
			socket.setNoDelay(true);
			sockets.add(socket);
			socket.on('close', () => sockets.delete(socket));
			socket.on('error', () => {
				a.destroy();
				b.destroy();
			});
		}
	};

	const terminator = tls.createServer({ key, cert }, (secure) => {
		const plain = net.connect(options.target.port, options.target.host);
		pair(secure, plain);
		secure.pipe(plain).pipe(secure);
	});
	const terminatorPort = await listen(terminator);

	const proxy = net.createServer((client) => {
		client.pause();
		const server = net.connect(terminatorPort, HOST);
		pair(client, server);
		void (async () => {
			// The TCP handshake: SYN out, SYN-ACK back, before the client's first bytes go.
			await delay({ direction: 'toServer', bytes: 0 });
			await delay({ direction: 'toClient', bytes: 0 });
			delayed(client, server, 'toServer', delay);
			delayed(server, client, 'toClient', delay);
			client.resume();
		})();
	});
	const port = await listen(proxy);

	return {
		origin: `https://${HOST}:${port}`,
		ca: cert,
		caFile: certFile,
		setRtt: (rttMs) => void (halfRtt = rttMs / 2),
		close: async () => {
			for (const socket of sockets) socket.destroy();
			await Promise.all(
				[proxy, terminator].map(
					(server) => new Promise<void>((resolve) => server.close(() => resolve())),
				),
			);
			fs.rmSync(dir, { recursive: true, force: true });
		},
	};
}
