export const SERVER_NAME = 'infra-lsp';
export const SERVER_VERSION = '0.1.0';
