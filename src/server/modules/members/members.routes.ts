import { commonMessages } from '../../../shared/common/messages.js';
import { ADMISSION_DOCUMENT_MAX_BYTES, membersApi } from '../../../shared/members/contract.js';
import { runJob } from '../../platform/jobs/run.js';
import { mountRoutes } from '../../platform/routes.js';
import { invalid, issue } from '../../platform/validation.js';
import * as admission from './members.admission.js';
import { anonymise } from './members.anonymise.js';
import * as documents from './members.documents.js';
import { memberExport } from './members.jobs.js';
import * as lifecycle from './members.lifecycle.js';
import * as notices from './members.notices.js';
import * as party from './members.party.js';
import { personalDataExport } from './members.personal-data.js';
import * as service from './members.service.js';

export const membersRoutes = mountRoutes(
  'members',
  membersApi,
  (ctx) => ({
    'GET /api/members/config': () => service.config(ctx),
    'POST /api/members/admissions': ({ actor, body }) => admission.admit(ctx, actor, body),
    'GET /api/members': ({ actor, query }) => service.list(ctx, actor, query),
    'GET /api/members/counts': ({ actor, query }) => service.counts(ctx, actor, query),
    'GET /api/members/possible-transfers': ({ actor, query }) => notices.listPossibleTransfers(ctx, actor, query),
    'POST /api/members/possible-transfers/:id/dismiss': ({ actor, params, body }) =>
      notices.dismissPossibleTransfer(ctx, actor, params.id, body),
    'GET /api/members/export': ({ actor, query }) => runJob(ctx, memberExport, actor, query),
    'GET /api/members/:membershipId': ({ actor, params }) => service.detail(ctx, actor, params.membershipId),
    'POST /api/members/:membershipId/reveal-cccd': ({ actor, params }) =>
      service.revealCccd(ctx, actor, params.membershipId),
    'POST /api/members/:membershipId/card': ({ actor, params, body }) =>
      lifecycle.issueCard(ctx, actor, params.membershipId, body),
    'POST /api/members/:membershipId/transfer': ({ actor, params, body }) =>
      lifecycle.transfer(ctx, actor, params.membershipId, body),
    'POST /api/members/:membershipId/leave': ({ actor, params, body }) =>
      lifecycle.leave(ctx, actor, params.membershipId, body),
    'POST /api/members/:membershipId/honorary': ({ actor, params, body }) =>
      lifecycle.makeHonorary(ctx, actor, params.membershipId, body),
    'POST /api/members/:membershipId/party-introductions': ({ actor, params, body }) =>
      party.introduceToParty(ctx, actor, params.membershipId, body),
    'PATCH /api/party-introductions/:id': ({ actor, params, body }) => party.updateParty(ctx, actor, params.id, body),
    'GET /api/party-introductions': ({ actor, query }) => party.listParty(ctx, actor, query),
    'GET /api/members/:membershipId/personal-data': ({ actor, params }) =>
      personalDataExport(ctx, actor, params.membershipId),
    'POST /api/members/:membershipId/anonymise': ({ actor, params, body }) =>
      anonymise(ctx, actor, params.membershipId, body),
    'GET /api/members/:membershipId/documents': ({ actor, params }) =>
      documents.documentsOf(ctx, actor, params.membershipId),
    'GET /api/admission-documents/:id/file': ({ actor, params }) => documents.openDocument(ctx, actor, params.id),
    'POST /api/members/admission-documents': async ({ actor, req }) => {
      const part = await req.file();
      if (!part) invalid([issue('file', commonMessages.noFile)]);
      const fields: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(part.fields)) {
        const f = Array.isArray(v) ? v[0] : v;
        if (f && f.type === 'field') fields[k] = f.value;
      }
      return documents.uploadDocument(ctx, actor, fields, { stream: part.file, fileName: part.filename });
    },
  }),
  {
    setup: async (app) => {
      await app.register((await import('@fastify/multipart')).default, {
        limits: { fileSize: ADMISSION_DOCUMENT_MAX_BYTES, files: 1, fields: 5 },
        throwFileSizeLimit: false,
      });
    },
  },
);
