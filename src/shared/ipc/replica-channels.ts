/** "This PC's copy" (이 PC의 사본): the replica's health, an on-demand full check and a rebuild from the server. */
export const replicaChannels = ['replica.health', 'replica.check', 'replica.rebuild', 'replica.dismissNotice'] as const

export type ReplicaChannel = (typeof replicaChannels)[number]
