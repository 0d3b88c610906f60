import type { TestProject } from 'vitest/node'
import { startBuiltServer, type StartedServer } from '../support/server'

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
    databaseUrl: string | undefined
  }
}

let server: StartedServer | undefined

export async function setup(project: TestProject) {
  server = await startBuiltServer({ label: 'it' })
  project.provide('baseUrl', server.url)
  project.provide('databaseUrl', server.databaseUrl)
}

export async function teardown() {
  await server?.stop()
}
