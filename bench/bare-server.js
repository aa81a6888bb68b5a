// The bare reference for `npm run bench:http`: Fastify 5 answering one JSON "hello", nothing else
// (no logger, no plugins). Started by bench/http.ts as a child process so that it does not share an
// event loop with the load generator. Listens on 127.0.0.1:$PORT (0 = any free port) and prints
// {"port":N} on stdout once it listens.
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/', async () => ({ hello: 'world' }));

const address = await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT ?? 0) });
process.stdout.write(`${JSON.stringify({ port: Number(new URL(address).port) })}\n`);

const stop = () => void app.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
