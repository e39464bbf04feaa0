// Import before wx-server-sdk: the SDK's environment for tests outside the cloud.
import '../../support/cloudbase-emulator/cloud-env';
