// The setup room as the AppApi's setup methods, in-process: what the Electron shell passes to
// createLocalApi({ setup }) (src/local-api.ts). The HTTP routes (src/control/setup-routes.ts) call
// the same room methods, so both transports answer alike.
import type { SetupApi } from '../local-api.js';
import type { SetupRoom } from './room.js';

export function createSetupApi(room: SetupRoom): SetupApi {
  return {
    setupSettings: async () => room.settings(),
    updateSetupSettings: (update) => room.updateSettings(update),
    generateWebhookSecret: async () => room.generateSecret(),
    setWebhookSecret: async (secret) => room.setSecret(secret),
    setSimplyPrintConnection: async (input) => room.setSimplyPrint(input),
    validateSimplyPrint: () => room.validate(),
    checkSimplyPrintWebhook: () => room.checkWebhook(),
    saveSimplyPrintWebhook: (input) => room.saveWebhook(input),
    triggerTestDelivery: () => room.triggerTest(),
    waitForTestDelivery: (query) => room.waitTest(query),
    probeLan: () => room.probeLan(),
    probePublic: (request) => room.probePublic(request),
    tunnelStatus: async () => room.tunnelStatus(),
    startTunnel: async () => room.startTunnel(),
    stopTunnel: () => room.stopTunnel(),
    wizardState: async () => room.wizard(),
    updateWizardState: async (update) => room.updateWizard(update),
    downtime: async () => room.downtime(),
  };
}
