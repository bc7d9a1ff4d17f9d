# syntax=docker/dockerfile:1
# One image for the three production processes (see docker-compose.yml):
#   api     node dist/apps/api/src/main.js      (default CMD)
#   worker  node dist/apps/worker/src/main.js
#   migrate node dist/scripts/migrate.js

# --- build: full dependency tree, compile, prebuild the workflow bundle --------------------------
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY apps ./apps
COPY libs ./libs
COPY workflows ./workflows
COPY activities ./activities
COPY scripts ./scripts
RUN npx tsc -p tsconfig.build.json \
 && node dist/scripts/bundle-workflows.js dist/workflow-bundle.js \
 && node scripts/console-build.mjs

# --- runtime: production dependencies and compiled output only ----------------------------------
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    WORKFLOW_BUNDLE_PATH=/app/dist/workflow-bundle.js
WORKDIR /app
# The CJK font the printed documents (PDF) embed: Noto Serif/Sans CJK, found at run time (DOCUMENT_FONT overrides).
RUN apt-get update \
 && apt-get install -y --no-install-recommends fonts-noto-cjk \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force
COPY --from=build /app/dist ./dist
# The web console's static build, served by the API at / (apps/api/src/console/serve-console.ts).
COPY --from=build /app/apps/console/dist ./apps/console/dist
USER node
EXPOSE 3000
CMD ["node", "dist/apps/api/src/main.js"]
