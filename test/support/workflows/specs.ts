/** Small OpenAPI documents the workflow tests write to temp folders. */

/** Every kind of security scheme (OpenAPI 3.2: mutualTLS, device flow), OAuth 2.0 with every flow, and hostile text in every spec string the README shows. */
export const ALL_SCHEMES_SPEC = `
openapi: 3.2.0
info:
  title: "Zoo | <script>alert(1)</script>"
  version: 2.0.0
  description: |
    # Injected heading
    </script><img src=x onerror=alert(1)>
    \`\`\`
    | a | b |
    |---|---|
servers:
  - url: https://api.zoo.example
paths:
  /animals:
    get:
      operationId: listAnimals
      summary: "List | animals <img src=x onerror=alert(1)>"
      security:
        - key: []
        - oauth: [zoo:read]
      responses:
        '200': { description: ok }
  /animals/{id}:
    delete:
      operationId: deleteAnimal
      summary: Remove an animal
      deprecated: true
      parameters:
        - { name: id, in: path, required: true, schema: { type: string } }
      security:
        - basic: []
          key: []
      responses:
        '204': { description: gone }
  /tickets:
    post:
      operationId: buyTicket
      security:
        - oidc: [openid]
        - mtls: []
        - custom: []
        - bearer: []
      responses:
        '201': { description: bought }
  /health:
    get:
      operationId: health
      security: []
      responses:
        '200': { description: ok }
components:
  securitySchemes:
    key:
      type: apiKey
      in: header
      name: "X-Key\`|<b>"
      description: "Ask </script> the keeper | twice"
    basic: { type: http, scheme: basic }
    bearer: { type: http, scheme: bearer, bearerFormat: "JWT <i>" }
    custom: { type: http, scheme: hoba }
    oauth:
      type: oauth2
      flows:
        clientCredentials:
          tokenUrl: https://auth.zoo.example/token
          scopes: { "zoo:read": "Read | the zoo" }
        authorizationCode:
          authorizationUrl: https://auth.zoo.example/authorize
          tokenUrl: https://auth.zoo.example/token
          refreshUrl: https://auth.zoo.example/refresh
          scopes: { "zoo:read": Read }
    oidc: { type: openIdConnect, openIdConnectUrl: "https://auth.zoo.example/.well-known/openid-configuration" }
    mtls: { type: mutualTLS }
    digest: { type: http, scheme: digest }
    signed: { type: http, scheme: oauth }
    legacy:
      type: oauth2
      flows:
        password: { tokenUrl: https://auth.zoo.example/token, scopes: {} }
        implicit: { authorizationUrl: https://auth.zoo.example/authorize, scopes: {} }
        deviceAuthorization:
          deviceAuthorizationUrl: https://auth.zoo.example/device
          tokenUrl: https://auth.zoo.example/token
          scopes: {}
`;

/** Only an API key: no token management, so no refresh section. */
export const API_KEY_ONLY_SPEC = `
openapi: 3.0.3
info: { title: Keys, version: '1' }
paths:
  /a:
    get:
      operationId: getA
      security: [{ key: [] }]
      responses: { '200': { description: ok } }
components:
  securitySchemes:
    key: { type: apiKey, in: query, name: k }
`;
