import type * as LiveKit from 'livekit-server-sdk'

/**
 * LiveKit's server SDK, loaded on first use: some 35 MiB and 0.1 s of modules that only the
 * call's routes need, and a deployment without video never does.
 */
let sdk: Promise<typeof LiveKit> | null = null
export const livekitSdk = () => (sdk ??= import('livekit-server-sdk'))
