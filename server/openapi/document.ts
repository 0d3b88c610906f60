import { z } from 'zod'
import { ERROR_CODES } from '#shared/domain/errors'
import { identitySchema, loginSchema, registerSchema, staffSchema } from '#shared/schemas/accounts'
import { adminMerchantQuerySchema, auditQuerySchema, merchantDecisionSchema, merchantProfileSchema } from '#shared/schemas/merchants'
import { adminPromotionQuerySchema, promotionDecisionSchema, promotionInputSchema } from '#shared/schemas/promotions'
import { adminRedemptionQuerySchema, claimVoucherSchema, enrolmentInputSchema, merchantRedemptionQuerySchema, redemptionInputSchema, reverseInputSchema, statementQuerySchema } from '#shared/schemas/vouchers'
import { adminEventListQuerySchema, eventCreateSchema, eventPatchSchema, releaseCreateSchema } from '#shared/schemas/admin-events'
import { CATALOGUE_COLUMNS, CATALOGUE_MAX_ROWS, productPatchSchema, productRetireSchema } from '#shared/domain/catalogue-csv'
import {
  eventListQuerySchema,
  merchantListQuerySchema,
  productListQuerySchema,
  promotionListQuerySchema,
  subsidyQuoteQuerySchema,
} from '#shared/schemas/public'

type JsonSchema = Record<string, unknown>

function jsonSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema
  return rest
}

/** Query parameters from a shared zod object schema: the same schema the handler validates with. */
function queryParameters(schema: z.ZodObject): Array<Record<string, unknown>> {
  const object = jsonSchema(schema) as { properties?: Record<string, JsonSchema>, required?: string[] }
  return Object.entries(object.properties ?? {}).map(([name, property]) => ({
    name,
    in: 'query',
    required: object.required?.includes(name) ?? false,
    schema: property,
  }))
}

/** A JSON request body described by the same zod schema the handler validates with. */
function body(schema: z.ZodType) {
  return { required: true, content: { 'application/json': { schema: jsonSchema(schema) } } }
}

const session = [{ session: [] as string[] }]
const refusals = {
  401: { $ref: '#/components/responses/Unauthenticated' },
  403: { $ref: '#/components/responses/Forbidden' },
}
const anyJson = (description = 'OK') => ({ description, content: { 'application/json': { schema: { type: 'object' } } } })

/** Accounts, the resident's identity, the merchant console and the bureau's review routes. */
function accountPaths() {
  const id = [pathId('id', 'Id')]
  return {
    '/api/v1/auth/register': { post: { summary: 'Sign up as a resident or merchant (mainland mobile, password ≥ 10 characters); signs in', requestBody: body(registerSchema), responses: { 201: anyJson('Created; session cookie set'), 400: errors[400], 409: { description: 'PHONE_TAKEN' } } } },
    '/api/v1/auth/login': { post: { summary: 'Sign in; the same 401 for an unknown number or a wrong password; 429 after 100 failures an hour', requestBody: body(loginSchema), responses: { 200: anyJson('Session cookie set'), 401: refusals[401], 429: { description: 'RATE_LIMITED' } } } },
    '/api/v1/auth/logout': { post: { summary: 'Ends the session', security: session, responses: { 204: { description: 'Signed out' } } } },
    '/api/v1/me': { get: { summary: 'Who is signed in: { id, role, phoneMasked, identityVerified, merchantId? }', security: session, responses: { 200: anyJson(), 401: refusals[401] } } },
    '/api/v1/me/identity': {
      get: { summary: 'The resident\'s verified identity, masked', security: session, responses: { 200: anyJson(), ...refusals } },
      post: { summary: 'Real-name verification (GB 11643 check digit); stored only as a keyed hash and masked forms', security: session, requestBody: body(identitySchema), responses: { 200: anyJson('{ nameMasked, idNumberMasked }'), 400: errors[400], ...refusals, 409: { description: 'IDENTITY_TAKEN' } } },
    },
    '/api/v1/merchant/profile': {
      get: { summary: 'The merchant\'s own application and status, with the reviewer\'s reason', security: session, responses: { 200: anyJson(), ...refusals, 404: errors[404] } },
      put: { summary: 'Create or edit the application; an approved merchant\'s legal changes wait for review', security: session, requestBody: body(merchantProfileSchema), responses: { 200: anyJson(), 400: errors[400], ...refusals, 409: { description: 'INVALID_TRANSITION while under review' } } },
    },
    '/api/v1/merchant/profile/submit': { post: { summary: 'Send the application for review', security: session, responses: { 200: anyJson(), ...refusals, 404: errors[404], 409: { description: 'INVALID_TRANSITION' } } } },
    '/api/v1/merchant/promotions': {
      get: { summary: 'The merchant\'s own promotions, every status', security: session, responses: { 200: anyJson(), ...refusals } },
      post: { summary: 'Create a promotion (draft) for a published event and the merchant\'s own approved categories', security: session, requestBody: body(promotionInputSchema), responses: { 201: anyJson('{ id, status: "draft", … }'), 400: errors[400], ...refusals, 404: errors[404], 409: { description: 'MERCHANT_NOT_APPROVED, INVALID_TRANSITION' } } },
    },
    '/api/v1/merchant/promotions/{id}/submit': { post: { summary: 'Submit a promotion for review', security: session, parameters: id, responses: { 200: anyJson(), ...refusals, 404: errors[404], 409: { description: 'INVALID_TRANSITION' } } } },
    '/api/v1/merchant/promotions/{id}/end': { post: { summary: 'End a promotion early', security: session, parameters: id, responses: { 200: anyJson(), ...refusals, 404: errors[404], 409: { description: 'INVALID_TRANSITION' } } } },
    '/api/v1/admin/merchants': { get: { summary: 'Review queue, oldest first (reviewer or admin)', security: session, parameters: queryParameters(adminMerchantQuerySchema), responses: { 200: anyJson(), 400: errors[400], ...refusals } } },
    '/api/v1/admin/merchants/{id}': { get: { summary: 'Full merchant record with its audit history', security: session, parameters: id, responses: { 200: anyJson(), ...refusals, 404: errors[404] } } },
    '/api/v1/admin/merchants/{id}/decision': { post: { summary: 'approve | reject | request_changes | suspend | reinstate; a reason for all but approve', security: session, parameters: id, requestBody: body(merchantDecisionSchema), responses: { 200: anyJson('The merchant with its new status'), 400: errors[400], ...refusals, 404: errors[404], 409: { description: 'INVALID_TRANSITION' } } } },
    '/api/v1/admin/promotions': { get: { summary: 'Promotion review list', security: session, parameters: queryParameters(adminPromotionQuerySchema), responses: { 200: anyJson(), 400: errors[400], ...refusals } } },
    '/api/v1/admin/promotions/{id}/decision': { post: { summary: 'approve | reject (reason required)', security: session, parameters: id, requestBody: body(promotionDecisionSchema), responses: { 200: anyJson('{ id, status }'), 400: errors[400], ...refusals, 404: errors[404], 409: { description: 'INVALID_TRANSITION' } } } },
    '/api/v1/admin/audit': { get: { summary: 'The append-only audit log, newest first; entity is "merchant" or "merchant:<id>"', security: session, parameters: queryParameters(auditQuerySchema), responses: { 200: anyJson(), 400: errors[400], ...refusals } } },
    '/api/v1/admin/staff': {
      get: { summary: 'Staff accounts (admin only)', security: session, responses: { 200: anyJson(), ...refusals } },
      post: { summary: 'Create a reviewer or administrator (admin only)', security: session, requestBody: body(staffSchema), responses: { 201: anyJson(), 400: errors[400], ...refusals, 409: { description: 'PHONE_TAKEN' } } },
    },
  }
}

/** The bureau's event set-up and catalogue (administrators write; reviewers read events). */
function eventAdminPaths() {
  const slug = [pathId('slug', 'Event slug')]
  const id = [pathId('id', 'Product id')]
  const transition = (summary: string) => ({ post: { summary, security: session, parameters: slug, responses: { 200: anyJson(), ...refusals, 404: errors[404], 409: { description: 'INVALID_TRANSITION' } } } })
  return {
    '/api/v1/admin/events': {
      get: { summary: 'All events, drafts included (reviewer or admin)', security: session, parameters: queryParameters(adminEventListQuerySchema), responses: { 200: anyJson(), 400: errors[400], ...refusals } },
      post: { summary: 'Create a draft event with its per-category rules (admin)', security: session, requestBody: body(eventCreateSchema), responses: { 201: anyJson('The admin view of the event'), 400: errors[400], ...refusals } },
    },
    '/api/v1/admin/events/{slug}': {
      get: { summary: 'An event with rules, releases (claimed, remaining) and budget figures (reviewer or admin)', security: session, parameters: slug, responses: { 200: anyJson(), ...refusals, 404: errors[404] } },
      patch: { summary: 'Edit an event; rules, if given, replace the set; the budget never goes below reserved + spent (admin; audited)', security: session, parameters: slug, requestBody: body(eventPatchSchema), responses: { 200: anyJson(), 400: errors[400], ...refusals, 404: errors[404], 409: { description: 'INVALID_TRANSITION on a closed event' } } },
    },
    '/api/v1/admin/events/{slug}/publish': transition('draft → published (needs at least one rule; admin)'),
    '/api/v1/admin/events/{slug}/close': transition('published → closed (admin)'),
    '/api/v1/admin/events/{slug}/ledger': { get: {
      summary: 'Reconciliation: the event\'s budget, reserved, spent and claimed against a recount of its qualifications and redemptions (reviewer or admin)',
      description: 'Expired qualifications are swept first. `consistent` is true when reserved = Σ caps of active qualifications, spent = Σ subsidies of completed redemptions, claimed = qualifications active or redeemed, and reserved + spent ≤ budget.',
      security: session,
      parameters: slug,
      responses: { 200: anyJson('{ eventSlug, budgetFen, reservedFen, spentFen, availableFen, claimed, recomputed: { liveVouchers, activeCapsFen, completedSubsidyFen }, consistent, byCategory: [{ categoryCode, quota, claimed, liveVouchers, activeVouchers, redeemedVouchers, activeCapsFen, completedRedemptions, completedSubsidyFen }] }'), ...refusals, 404: errors[404] },
    } },
    '/api/v1/admin/events/{slug}/releases': { post: { summary: 'Add a qualification release (time window and quota) for a category with a rule (admin)', security: session, parameters: slug, requestBody: body(releaseCreateSchema), responses: { 201: anyJson(), 400: errors[400], ...refusals, 404: errors[404], 409: { description: 'INVALID_TRANSITION on a closed event' } } } },
    '/api/v1/admin/products/import': { post: {
      summary: 'Catalogue CSV import: all rows or none (admin)',
      description: `UTF-8 text/csv with the header \`${CATALOGUE_COLUMNS.join(',')}\`, at most ${CATALOGUE_MAX_ROWS.toLocaleString('en')} rows and 5 MB. Every row is checked; if any is wrong nothing is imported and the answer lists \`{ row, path, message }\` with spreadsheet row numbers (the header is row 1). An existing (category, brand, model) is updated (and listed again if it was retired).`,
      security: session,
      requestBody: { required: true, content: { 'text/csv': { schema: { type: 'string' } } } },
      responses: { 200: anyJson('{ imported, created, updated, reactivated }'), 400: { description: 'VALIDATION_FAILED with row-level issues; nothing imported' }, ...refusals },
    } },
    '/api/v1/admin/products/{id}': { patch: { summary: 'Edit a product (admin; audited)', security: session, parameters: id, requestBody: body(productPatchSchema), responses: { 200: anyJson(), 400: errors[400], ...refusals, 404: errors[404] } } },
    '/api/v1/admin/products/{id}/retire': { post: { summary: 'Retire a product; it stays on past redemptions (admin; audited)', security: session, parameters: id, requestBody: body(productRetireSchema), responses: { 200: anyJson(), ...refusals, 404: errors[404], 409: { description: 'INVALID_TRANSITION if already retired' } } } },
  }
}

/** Qualifications and redemptions: the money path (PRODUCT.md rules 1–7). */
function moneyPaths() {
  const id = [pathId('id', 'Id')]
  const conflict = (codes: string) => ({ description: `409: ${codes}` })
  return {
    '/api/v1/events/{slug}/vouchers': { post: { summary: 'Claim a subsidy qualification for a category (verified resident); reserves the rule\'s cap from the budget', security: session, parameters: [pathId('slug', 'Event slug')], requestBody: body(claimVoucherSchema), responses: { 201: anyJson('{ id, code, categoryCode, status: "active", expiresAt, capFen }'), 400: errors[400], ...refusals, 404: errors[404], 409: conflict('ALREADY_CLAIMED, SOLD_OUT, NOT_OPEN (data.opensAt), BUDGET_EXHAUSTED, RECLAIM_LIMIT, NOT_ELIGIBLE') } } },
    '/api/v1/me/vouchers': { get: { summary: 'My qualifications, newest first, with the redemption when used', security: session, responses: { 200: anyJson(), ...refusals } } },
    '/api/v1/me/vouchers/{id}/cancel': { post: { summary: 'Cancel an active qualification: frees its quota place and reservation', security: session, parameters: id, responses: { 200: anyJson(), ...refusals, 404: errors[404], 409: conflict('VOUCHER_USED, VOUCHER_EXPIRED') } } },
    '/api/v1/merchant/enrolments': {
      get: { summary: 'My event enrolments', security: session, responses: { 200: anyJson(), ...refusals } },
      post: { summary: 'Enrol in a published event for some of my approved categories', security: session, requestBody: body(enrolmentInputSchema), responses: { 201: anyJson(), 400: errors[400], ...refusals, 404: errors[404], 409: conflict('MERCHANT_NOT_APPROVED, NOT_OPEN') } },
    },
    '/api/v1/merchant/vouchers/{code}': { get: { summary: 'What a code is for and whether it can be redeemed here now (masked name only)', security: session, parameters: [pathId('code', 'Voucher code (case, spaces and dashes ignored)')], responses: { 200: anyJson('{ code, eventSlug, categoryCode, status, expiresAt, capFen, nameMasked, redeemable, reason? }'), ...refusals, 404: errors[404] } } },
    '/api/v1/merchant/redemptions': {
      get: { summary: 'My redemptions, newest first', security: session, parameters: queryParameters(merchantRedemptionQuerySchema), responses: { 200: anyJson(), ...refusals } },
      post: {
        summary: 'Register a trade-in sale against a qualification',
        description: 'Requires the `Idempotency-Key` header: a retry with the same key and body returns the first redemption (200) and creates nothing; the same key with another body is 422 IDEMPOTENCY_MISMATCH.',
        security: session,
        parameters: [{ name: 'Idempotency-Key', in: 'header', required: true, schema: { type: 'string', minLength: 8, maxLength: 100 } }],
        requestBody: body(redemptionInputSchema),
        responses: { 200: anyJson('The earlier redemption (retry)'), 201: anyJson('{ id, subsidyFen, payableFen, … }'), 400: errors[400], ...refusals, 404: errors[404], 409: conflict('VOUCHER_USED, VOUCHER_EXPIRED, WRONG_CATEGORY, NOT_ELIGIBLE, PRICE_ABOVE_FILED, PRICE_ABOVE_CEILING, SN_ALREADY_REDEEMED, INVOICE_DUPLICATE, MERCHANT_NOT_APPROVED, NOT_ENROLLED, TRADE_IN_REQUIRED'), 422: { description: 'IDEMPOTENCY_MISMATCH' } },
      },
    },
    '/api/v1/merchant/redemptions/{id}/void': { post: { summary: 'Void my redemption within 10 minutes; the qualification comes back if still valid', security: session, parameters: id, responses: { 200: anyJson(), ...refusals, 404: errors[404], 409: conflict('VOID_WINDOW_PASSED, INVALID_TRANSITION') } } },
    '/api/v1/merchant/statements': { get: { summary: 'What the bureau owes me for a month (China time)', security: session, parameters: queryParameters(statementQuerySchema), responses: { 200: anyJson(), 400: errors[400], ...refusals } } },
    '/api/v1/admin/redemptions': { get: { summary: 'Redemption review with anomaly flags (reviewer or admin)', security: session, parameters: queryParameters(adminRedemptionQuerySchema), responses: { 200: anyJson(), 400: errors[400], ...refusals } } },
    '/api/v1/admin/redemptions/{id}/reverse': { post: { summary: 'Reverse a redemption (reason required): the subsidy returns to the budget, the qualification stays used', security: session, parameters: id, requestBody: body(reverseInputSchema), responses: { 200: anyJson(), 400: errors[400], ...refusals, 404: errors[404], 409: conflict('INVALID_TRANSITION') } } },
  }
}

const pathId = (name: string, description: string) => ({ name, in: 'path', required: true, description, schema: { type: 'string' } })

function listOf(ref: string) {
  return {
    type: 'object',
    required: ['items', 'total', 'page', 'pageSize'],
    properties: {
      items: { type: 'array', items: { $ref: `#/components/schemas/${ref}` } },
      total: { type: 'integer' },
      page: { type: 'integer', minimum: 1 },
      pageSize: { type: 'integer', minimum: 1, maximum: 100 },
    },
  }
}

const ok = (schema: JsonSchema, description = 'OK') => ({ description, content: { 'application/json': { schema } } })
const errors = {
  400: { $ref: '#/components/responses/ValidationFailed' },
  404: { $ref: '#/components/responses/NotFound' },
}

const fen = { type: 'integer', minimum: 0, description: 'Amount in fen (1 yuan = 100 fen)' }
const time = { type: 'string', format: 'date-time' }
const nullable = (schema: JsonSchema) => ({ anyOf: [schema, { type: 'null' }] })

const schemas: Record<string, JsonSchema> = {
  Error: {
    type: 'object',
    required: ['statusCode', 'message', 'data'],
    properties: {
      statusCode: { type: 'integer' },
      message: { type: 'string' },
      data: {
        type: 'object',
        required: ['code'],
        properties: {
          code: { type: 'string', enum: [...ERROR_CODES] },
          issues: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } },
        },
      },
    },
  },
  Category: {
    type: 'object',
    properties: { code: { type: 'string' }, kind: { type: 'string' }, nameZh: { type: 'string' }, nameEn: { type: 'string' }, safeUseYears: nullable({ type: 'integer' }), safeUseNote: nullable({ type: 'string' }) },
  },
  EventSummary: {
    type: 'object',
    properties: {
      id: { type: 'string' },
      slug: { type: 'string' },
      title: { type: 'string' },
      titleEn: { type: 'string' },
      kind: { type: 'string', enum: ['appliance', 'gas', 'home', 'digital', 'car'] },
      status: { type: 'string', enum: ['current', 'upcoming', 'ended'] },
      startsAt: time,
      endsAt: time,
      budgetFen: fen,
      spentFen: fen,
      reservedFen: fen,
      categories: { type: 'array', items: { type: 'string' } },
      nextReleaseAt: nullable(time),
    },
  },
  EventDetail: {
    allOf: [{ $ref: '#/components/schemas/EventSummary' }, {
      type: 'object',
      properties: {
        description: { type: 'string' },
        descriptionEn: { type: 'string' },
        enrolledMerchants: { type: 'integer' },
        rules: { type: 'array', items: { type: 'object', properties: {
          categoryCode: { type: 'string' },
          ratePctByGrade: nullable({ type: 'object', additionalProperties: { type: 'number' }, description: 'Percent of the final price by efficiency grade ("1"…"5", "none"); absent grade = not eligible' }),
          capFen: nullable(fen),
          fixedFen: nullable(fen),
          perPersonLimit: { type: 'integer' },
          priceCeilingFen: nullable(fen),
          requiresTradeIn: { type: 'boolean' },
        } } },
        releases: { type: 'array', items: { type: 'object', properties: {
          id: { type: 'string' },
          categoryCode: { type: 'string' },
          opensAt: time,
          closesAt: time,
          quota: { type: 'integer' },
          remaining: { type: 'integer' },
          state: { type: 'string', enum: ['scheduled', 'open', 'sold_out', 'closed'] },
        } } },
      },
    }],
  },
  Product: {
    type: 'object',
    properties: {
      id: { type: 'string' },
      brand: { type: 'string' },
      brandAlias: nullable({ type: 'string' }),
      model: { type: 'string' },
      categoryCode: { type: 'string' },
      energyGrade: nullable({ type: 'integer', minimum: 1, maximum: 5 }),
      waterGrade: nullable({ type: 'integer', minimum: 1, maximum: 5 }),
      labelNo: nullable({ type: 'string' }),
      filedPriceFen: fen,
      retired: { type: 'boolean' },
    },
  },
  ProductDetail: {
    allOf: [{ $ref: '#/components/schemas/Product' }, {
      type: 'object',
      properties: { subsidies: { type: 'array', items: { type: 'object', properties: {
        eventSlug: { type: 'string' }, eventTitle: { type: 'string' }, eventTitleEn: { type: 'string' }, eventStatus: { type: 'string' },
        eligible: { type: 'boolean' }, subsidyFen: fen, payableFen: fen, reason: { type: 'string' },
      } } } },
    }],
  },
  Merchant: {
    type: 'object',
    properties: {
      id: { type: 'string' },
      name: { type: 'string' },
      street: { type: 'string', enum: ['jiangnan', 'waihai', 'lile'] },
      address: { type: 'string' },
      storePhone: { type: 'string' },
      categories: { type: 'array', items: { type: 'string' } },
      openingHours: { type: 'string' },
      lat: nullable({ type: 'number' }),
      lng: nullable({ type: 'number' }),
      distanceM: { type: 'integer', description: 'Only with ?near=' },
    },
  },
  Promotion: {
    type: 'object',
    properties: {
      id: { type: 'string' },
      merchantId: { type: 'string' },
      merchantName: { type: 'string' },
      eventSlug: { type: 'string' },
      eventTitle: { type: 'string' },
      eventTitleEn: { type: 'string' },
      kind: { type: 'string', enum: ['extra_discount', 'gift', 'free_installation', 'free_pickup', 'free_charger'] },
      title: { type: 'string' },
      description: { type: 'string' },
      categories: { type: 'array', items: { type: 'string' } },
      startsAt: time,
      endsAt: time,
    },
  },
  SubsidyQuote: {
    type: 'object',
    required: ['eligible', 'subsidyFen', 'payableFen'],
    properties: { eligible: { type: 'boolean' }, subsidyFen: fen, payableFen: fen, reason: { type: 'string', enum: ['NOT_ELIGIBLE', 'PRICE_ABOVE_FILED', 'PRICE_ABOVE_CEILING'] } },
  },
}

export function buildOpenApiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: '江海区以旧换新服务平台 API',
      version: '1.0.0',
      description: 'Public contract of the Jianghai District trade-in portal. Money is integer fen in fields ending `Fen`; times are ISO 8601; lists are `{ items, total, page, pageSize }`; errors are `{ statusCode, message, data: { code, issues? } }`.',
    },
    servers: [{ url: '/' }],
    paths: {
      '/api/health': { get: { summary: 'Liveness and database reachability', responses: {
        200: ok({ type: 'object', properties: { status: { const: 'ok' }, db: { const: 'ok' } } }),
        503: { description: 'The database is not reachable' },
      } } },
      '/api/v1/openapi.json': { get: { summary: 'This description', responses: { 200: anyJson() } } },
      '/api/v1/categories': { get: { summary: 'Product categories', responses: { 200: ok({ type: 'object', properties: { items: { type: 'array', items: { $ref: '#/components/schemas/Category' } } } }) } } },
      '/api/v1/events': { get: { summary: 'Public events (drafts never appear)', parameters: queryParameters(eventListQuerySchema), responses: { 200: ok(listOf('EventSummary')), 400: errors[400] } } },
      '/api/v1/events/{slug}': { get: { summary: 'One public event with its rules and releases', parameters: [pathId('slug', 'Event slug')], responses: { 200: ok({ $ref: '#/components/schemas/EventDetail' }), ...errors } } },
      '/api/v1/products': { get: { summary: 'Catalogue search: q matches brand (Chinese or Latin) or model, partially, ignoring case and separators', parameters: queryParameters(productListQuerySchema), responses: { 200: ok(listOf('Product')), ...errors } } },
      '/api/v1/products/{id}': { get: { summary: 'One product with what it would get in current and upcoming events', parameters: [pathId('id', 'Product id')], responses: { 200: ok({ $ref: '#/components/schemas/ProductDetail' }), ...errors } } },
      '/api/v1/merchants': { get: { summary: 'Approved merchants; with near=lat,lng nearest first', parameters: queryParameters(merchantListQuerySchema), responses: { 200: ok(listOf('Merchant')), ...errors } } },
      '/api/v1/merchants/{id}': { get: { summary: 'One approved merchant with its current promotions and events; 404 for any other status', parameters: [pathId('id', 'Merchant id')], responses: { 200: ok({ allOf: [{ $ref: '#/components/schemas/Merchant' }, { type: 'object', properties: { promotions: { type: 'array', items: { $ref: '#/components/schemas/Promotion' } } } }] }), ...errors } } },
      '/api/v1/promotions': { get: { summary: 'Published, current promotions', parameters: queryParameters(promotionListQuerySchema), responses: { 200: ok(listOf('Promotion')), ...errors } } },
      '/api/v1/subsidy-quote': { get: { summary: 'Subsidy for a product (or a category and grade) at a price in an event', parameters: queryParameters(subsidyQuoteQuerySchema), responses: { 200: ok({ $ref: '#/components/schemas/SubsidyQuote' }), ...errors } } },
      '/api/v1/stats': { get: { summary: 'Public transparency: budget used and left, qualifications per category', responses: { 200: ok({ type: 'object' }) } } },
      ...accountPaths(),
      ...eventAdminPaths(),
      ...moneyPaths(),
    },
    components: {
      schemas,
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'auth_session', description: 'HttpOnly session cookie set by login/register. Writes must carry this site\'s Origin (or Referer), else 403.' },
      },
      responses: {
        Unauthenticated: { description: 'UNAUTHENTICATED: no valid session', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
        Forbidden: { description: 'FORBIDDEN: the role may not do this, or a cross-site write', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
        ValidationFailed: { description: 'VALIDATION_FAILED, with issues', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
        NotFound: { description: 'NOT_FOUND', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
      },
    },
  }
}
