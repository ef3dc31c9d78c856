#!/usr/bin/env python3
"""kefu external plugin: pre-orders (an example in Python 3, standard library only).

Adds the intent `myshop.preorder` ("when will it be back in stock / can I
pre-order?") and a draft that answers it in Simplified Chinese and English
(kefu converts to Traditional Chinese itself when the buyer writes it).

Protocol: JSON Lines on stdin/stdout, see docs/plugin-protocol.md,
"External plugins". Anything for people goes to stderr (kefu keeps it in
$XDG_STATE_HOME/kefu/plugins/<id>.log). Exit on end of input.
"""
import json
import sys

PLUGIN_ID = "myshop-preorder"
VERSION = "1.0.0"

# Phrases are matched against the message's `folded` form: lower case,
# Simplified Chinese, half-width, single spaces.
TRIGGERS = {
    "预售": 0.9, "预定": 0.8, "预订": 0.8, "预购": 0.9, "什么时候有货": 0.9,
    "什么时候到货": 0.85, "补货": 0.8, "pre-order": 0.9, "preorder": 0.9,
    "back in stock": 0.9, "restock": 0.85,
}


def hello(message):
    # Configuration comes with `hello`: the shop's name, and this plugin's own
    # keys from config.yaml (`restock_days`).
    config = message.get("config", {})
    global RESTOCK_DAYS
    RESTOCK_DAYS = config.get("restock_days", "7")
    return {
        "type": "hello",
        "protocol": 1,
        "id": PLUGIN_ID,
        "version": VERSION,
        "description": "Pre-order and restock questions",
        "capabilities": ["detect", "draft"],
        "config_keys": ["restock_days"],
        "intents": [{"id": "myshop.preorder", "description": "asks to pre-order or when an item is back in stock"}],
        "examples": [
            {"text": "这款什么时候有货？可以预订吗", "intents": ["myshop.preorder"], "draft": "myshop.preorder"},
            {"text": "Can I pre-order the blue one?", "intents": ["myshop.preorder"]},
            {"text": "where is my parcel", "not": ["myshop.preorder"]},
        ],
    }


def detect(message):
    folded = message["message"]["folded"]
    signals = []
    for phrase, score in TRIGGERS.items():
        if phrase in folded:
            signals.append({"intent": "myshop.preorder", "score": score, "evidence": phrase})
            break
    return {"signals": signals}


def draft(message):
    asked = {i["intent"] for i in message.get("intents", [])}
    if "myshop.preorder" not in asked:
        return {"drafts": []}
    variables = message.get("variables", {})
    product = variables.get("product")
    # The plugin writes finished text: kefu never reads {{...}} in it.
    zh_item = "这款" + ("（%s）" % product if product else "")
    en_item = product or "this item"
    return {"drafts": [{
        "id": "myshop.preorder.restock",
        "intent": "myshop.preorder",
        "kind": "answer",
        "priority": 80,
        "text": {
            "zh-Hans": "亲，%s目前可以预订哦～预计%s天内到货，到货后按下单顺序尽快发出，您先拍下就能锁定名额啦！" % (zh_item, RESTOCK_DAYS),
            "en": "Good news: you can pre-order %s now. We expect new stock within %s days and ship pre-orders first, in order." % (en_item, RESTOCK_DAYS),
        },
    }]}


RESTOCK_DAYS = "7"
HANDLERS = {"detect": detect, "draft": draft}


def main():
    for line in sys.stdin:
        try:
            message = json.loads(line)
        except ValueError:
            print("not JSON: %r" % line[:80], file=sys.stderr)
            continue
        kind = message.get("type")
        if kind == "hello":
            answer = hello(message)
        elif kind in HANDLERS:
            try:
                answer = HANDLERS[kind](message)
            except Exception as error:  # report, never die on one message
                answer = {"error": "%s: %s" % (type(error).__name__, error)}
            answer["id"] = message["id"]
        else:
            answer = {"id": message.get("id"), "error": "unsupported request " + str(kind)}
        sys.stdout.write(json.dumps(answer, ensure_ascii=False) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
