import type { FastifyInstance } from 'fastify';

export async function pagesRoutes(_app: FastifyInstance) {}
