/**
 * Just enough of the ONNX protobuf format to write a small model by hand (field numbers from
 * onnx/onnx.proto), so the tests need no protobuf library and no Python.
 */

const WIRE_VARINT = 0;
const WIRE_BYTES = 2;

function varint(value: number): Buffer {
  const bytes: number[] = [];
  let v = value;
  do {
    let byte = v % 128;
    v = Math.floor(v / 128);
    if (v > 0) byte |= 0x80;
    bytes.push(byte);
  } while (v > 0);
  return Buffer.from(bytes);
}

const key = (field: number, wire: number) => varint(field * 8 + wire);
const intField = (field: number, value: number) => Buffer.concat([key(field, WIRE_VARINT), varint(value)]);
const bytesField = (field: number, bytes: Buffer) => Buffer.concat([key(field, WIRE_BYTES), varint(bytes.length), bytes]);
const stringField = (field: number, text: string) => bytesField(field, Buffer.from(text, 'utf8'));
const message = (...fields: Buffer[]) => Buffer.concat(fields);

export const ONNX_FLOAT = 1;
export const ONNX_INT64 = 7;
const ATTRIBUTE_INT = 2;

/** A dimension is a fixed size or a symbolic name ("batch"). */
type Dim = number | string;

/** TensorProto: dims=1, data_type=2, name=8, raw_data=9 (little-endian values). */
export function tensor(name: string, dataType: number, dims: number[], raw: Buffer): Buffer {
  return message(...dims.map((d) => intField(1, d)), intField(2, dataType), stringField(8, name), bytesField(9, raw));
}

export function floatTensor(name: string, dims: number[], values: ArrayLike<number>): Buffer {
  const raw = Buffer.alloc(values.length * 4);
  for (let i = 0; i < values.length; i++) raw.writeFloatLE(values[i]!, i * 4);
  return tensor(name, ONNX_FLOAT, dims, raw);
}

export function int64Tensor(name: string, values: number[]): Buffer {
  const raw = Buffer.alloc(values.length * 8);
  values.forEach((v, i) => raw.writeBigInt64LE(BigInt(v), i * 8));
  return tensor(name, ONNX_INT64, [values.length], raw);
}

/** ValueInfoProto{name=1, type=2: TypeProto{tensor_type=1: {elem_type=1, shape=2: {dim=1: {dim_value=1 | dim_param=2}}}}}. */
export function valueInfo(name: string, elemType: number, dims: Dim[]): Buffer {
  const shape = message(...dims.map((d) => bytesField(1, typeof d === 'number' ? intField(1, d) : stringField(2, d))));
  const tensorType = message(intField(1, elemType), bytesField(2, shape));
  return message(stringField(1, name), bytesField(2, bytesField(1, tensorType)));
}

/** NodeProto: input=1, output=2, name=3, op_type=4, attribute=5 (AttributeProto{name=1, i=3, type=20}). */
export function node(opType: string, inputs: string[], outputs: string[], intAttributes: Record<string, number> = {}): Buffer {
  const attributes = Object.entries(intAttributes).map(([name, value]) =>
    bytesField(5, message(stringField(1, name), intField(3, value), intField(20, ATTRIBUTE_INT))),
  );
  return message(
    ...inputs.map((i) => stringField(1, i)),
    ...outputs.map((o) => stringField(2, o)),
    stringField(3, `${opType}_${outputs[0]}`),
    stringField(4, opType),
    ...attributes,
  );
}

export type Graph = { nodes: Buffer[]; initializers: Buffer[]; inputs: Buffer[]; outputs: Buffer[] };

/** ModelProto{ir_version=1, producer_name=2, graph=7: GraphProto{node=1, name=2, initializer=5, input=11, output=12}, opset_import=8}. */
export function onnxModel(graph: Graph, opset = 17): Buffer {
  const graphBytes = message(
    ...graph.nodes.map((n) => bytesField(1, n)),
    stringField(2, 'newsdesk-test'),
    ...graph.initializers.map((t) => bytesField(5, t)),
    ...graph.inputs.map((v) => bytesField(11, v)),
    ...graph.outputs.map((v) => bytesField(12, v)),
  );
  return message(
    intField(1, 8),
    stringField(2, 'newsdesk-test'),
    bytesField(7, graphBytes),
    bytesField(8, message(stringField(1, ''), intField(2, opset))),
  );
}
