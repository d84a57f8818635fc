"""Reads a document's examples through a Python client that openapi-python-client generated
from it (xtask/tests/openapi/tools.rs runs this with the tools' venv):

    python client_check.py DOCUMENT PACKAGE_PARENT

For every operation, the response example through `<Op>Response.from_dict`, and the
notification example through `Notification.from_dict`: order numbers are `str`, a field's other
spelling (`x-aliases`, e.g. Mexico's `payproTradeNo`) lands in the one field once the
document's aliases are applied, and the webhook's model exists. Prints one line per example
read and exits non-zero on the first failure.
"""

import json
import sys

doc_path, parent = sys.argv[1], sys.argv[2]
sys.path.insert(0, parent)

import paypro_client.models as models  # noqa: E402

with open(doc_path, encoding="utf-8") as f:
    doc = json.load(f)
schemas = doc["components"]["schemas"]
REF = "#/components/schemas/"


def aliases_of(schema_name):
    """{alias: canonical} of a named object schema's properties."""
    props = schemas[schema_name].get("properties", {})
    return {a: wire for wire, p in props.items() for a in p.get("x-aliases", [])}


def apply_aliases(obj, schema_name):
    """What the document tells a client to do: read each other spelling into the one field."""
    out = dict(obj)
    for alias, wire in aliases_of(schema_name).items():
        if alias in out and wire not in out:
            out[wire] = out.pop(alias)
    return out


def snake(wire):
    out = ""
    for c in wire:
        out += "_" + c.lower() if c.isupper() else c
    return out


def check_fields(model, raw, schema_name, at):
    """Every order number is a str in its one field; aliases are in it, not in the extras."""
    props = schemas[schema_name]["properties"]
    for wire, p in props.items():
        if p.get("type") != "string" or wire not in raw:
            continue
        value = getattr(model, snake(wire))
        assert isinstance(value, str), f"{at}: {wire} is {type(value).__name__}, not str"
        assert value == raw[wire], f"{at}: {wire} = {value!r}, expected {raw[wire]!r}"
    for alias, wire in aliases_of(schema_name).items():
        assert alias not in model.additional_properties, f"{at}: {alias} left in the extras"
        if wire in raw:
            value = getattr(model, snake(wire))
            assert value == raw[wire], f"{at}: {wire} = {value!r}, expected {raw[wire]!r}"


read = 0
aliases_read = 0
for path, item in sorted(doc["paths"].items()):
    op = item["post"]
    media = op["responses"]["200"]["content"]["application/json"]
    response_name = media["schema"]["$ref"][len(REF):]
    data_name = response_name[: -len("Response")] + "Data"
    example = media.get("examples", {}).get("docs")
    if example is None:
        continue
    value = example["value"]
    data = value.get("data")
    if isinstance(data, dict):
        fixed = dict(value, data=apply_aliases(data, data_name))
        if any(a in data for a in aliases_of(data_name)):
            # Unaided, the generated reader leaves the other spelling in the extras: the
            # document says so, and says to map it first.
            unaided = getattr(models, response_name).from_dict(value)
            assert set(aliases_of(data_name)) & set(unaided.data.additional_properties), path
            aliases_read += 1
    else:
        fixed = value
    response = getattr(models, response_name).from_dict(fixed)
    assert isinstance(response.code, str), f"{path}: code"
    if isinstance(data, dict):
        check_fields(response.data, fixed["data"], data_name, path)
    print(f"read {response_name} from the example of {path}")
    read += 1

notification = doc["webhooks"]["notification"]["post"]["requestBody"]["content"]["application/json"]
assert notification["schema"]["$ref"] == REF + "Notification"
assert hasattr(models, "Notification"), "no Notification model: the webhook's schema was skipped"
example = notification["examples"]["docs"]["value"]
fixed = apply_aliases(example, "Notification")
parsed = models.Notification.from_dict(fixed)
check_fields(parsed, fixed, "Notification", "notification")
assert isinstance(parsed.trade_no, str) and isinstance(parsed.status, str), "notification"
print("read Notification from the webhook's example")
read += 1

print(f"{read} examples read, {aliases_read} with an alias")
if read < 4:
    sys.exit(f"only {read} examples")
