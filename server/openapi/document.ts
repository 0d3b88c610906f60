import { z } from 'zod'
import { ERROR_CODES } from '#shared/domain/errors'
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
    },
    components: {
      schemas,
      responses: {
        ValidationFailed: { description: 'VALIDATION_FAILED, with issues', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
        NotFound: { description: 'NOT_FOUND', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
      },
    },
  }
}
