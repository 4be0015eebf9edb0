/**
 * EventStoreDB's gRPC protocol, as the generated code inside `@eventstore/db-client` defines it. Only that
 * package's generated code is loaded: google-protobuf registers message classes globally, and a second copy
 * (from another client package) would overwrite the first one's classes.
 */
import { createRequire } from 'node:module';

type Streams = typeof import('@eventstore/db-client/generated/streams_pb.js');
type StreamsGrpc = typeof import('@eventstore/db-client/generated/streams_grpc_pb.js');
type Shared = typeof import('@eventstore/db-client/generated/shared_pb.js');
type RpcStatus = typeof import('@eventstore/db-client/generated/status_pb.js');
type Gossip = typeof import('@eventstore/db-client/generated/gossip_pb.js');
type GossipGrpc = typeof import('@eventstore/db-client/generated/gossip_grpc_pb.js');
type Features = typeof import('@eventstore/db-client/generated/serverfeatures_pb.js');
type FeaturesGrpc = typeof import('@eventstore/db-client/generated/serverfeatures_grpc_pb.js');
type AnyPb = typeof import('google-protobuf/google/protobuf/any_pb.js');
type EmptyPb = typeof import('google-protobuf/google/protobuf/empty_pb.js');

const load = createRequire(import.meta.url);
const generated = <T>(name: string): T => load(`@eventstore/db-client/generated/${name}.js`) as T;

export const streams = generated<Streams>('streams_pb');
export const streamsGrpc = generated<StreamsGrpc>('streams_grpc_pb');
export const shared = generated<Shared>('shared_pb');
export const rpcStatus = generated<RpcStatus>('status_pb');
export const gossip = generated<Gossip>('gossip_pb');
export const gossipGrpc = generated<GossipGrpc>('gossip_grpc_pb');
export const features = generated<Features>('serverfeatures_pb');
export const featuresGrpc = generated<FeaturesGrpc>('serverfeatures_grpc_pb');
// Resolved from the client package, so that `Any` is the class its generated status message uses.
const fromClient = createRequire(load.resolve('@eventstore/db-client/generated/status_pb.js'));
export const anyPb = fromClient('google-protobuf/google/protobuf/any_pb.js') as AnyPb;
export const emptyPb = fromClient('google-protobuf/google/protobuf/empty_pb.js') as EmptyPb;

export type ReadReq = InstanceType<Streams['ReadReq']>;
export type ReadResp = InstanceType<Streams['ReadResp']>;
export type AppendReq = InstanceType<Streams['AppendReq']>;
export type AppendResp = InstanceType<Streams['AppendResp']>;
export type BatchAppendReq = InstanceType<Streams['BatchAppendReq']>;
export type BatchAppendResp = InstanceType<Streams['BatchAppendResp']>;
export type DeleteReq = InstanceType<Streams['DeleteReq']>;
export type DeleteResp = InstanceType<Streams['DeleteResp']>;
export type TombstoneReq = InstanceType<Streams['TombstoneReq']>;
export type TombstoneResp = InstanceType<Streams['TombstoneResp']>;
export type Uuid = InstanceType<Shared['UUID']>;

/** A UUID as the protocol carries it: a string, or two signed 64-bit halves (`structured`). */
export function uuidToString(uuid: Uuid | undefined): string {
  if (!uuid) throw new Error('missing UUID');
  if (uuid.hasString()) return uuid.getString().toLowerCase();
  const structured = uuid.getStructured();
  if (!structured) throw new Error('empty UUID');
  const bytes = Buffer.alloc(16);
  bytes.writeBigInt64BE(BigInt(structured.getMostSignificantBits()), 0);
  bytes.writeBigInt64BE(BigInt(structured.getLeastSignificantBits()), 8);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function uuidMessage(id: string, structured: boolean): Uuid {
  const uuid = new shared.UUID();
  if (!structured) return uuid.setString(id);
  const bytes = Buffer.from(id.replace(/-/g, ''), 'hex');
  const halves = new shared.UUID.Structured();
  halves.setMostSignificantBits(bytes.readBigInt64BE(0).toString());
  halves.setLeastSignificantBits(bytes.readBigInt64BE(8).toString());
  return uuid.setStructured(halves);
}

export function streamIdentifier(name: string): InstanceType<Shared['StreamIdentifier']> {
  return new shared.StreamIdentifier().setStreamName(Buffer.from(name, 'utf8'));
}

export function streamName(identifier: InstanceType<Shared['StreamIdentifier']> | undefined): string {
  if (!identifier) throw new Error('missing stream identifier');
  return Buffer.from(identifier.getStreamName_asU8()).toString('utf8');
}

/** `Any`-packed detail for a `google.rpc.Status`, named the way the server names it. */
export function packAny(message: { serializeBinary(): Uint8Array }, typeName: string): InstanceType<AnyPb['Any']> {
  const any = new anyPb.Any();
  any.pack(message.serializeBinary(), typeName);
  return any;
}
