#!/bin/sh
# kefu external plugin: a draft check in POSIX shell and awk (an example).
#
# Flags words that Chinese advertising law bans as absolute claims (最, 第一,
# 国家级, 100%...) with a warning, and blocks drafts that send the buyer off
# the platform (WeChat, VX, QQ). Protocol: docs/plugin-protocol.md,
# "External plugins". The shell reads one JSON Lines request per line and
# hands it to awk, which answers at once; the loop ends with the input.
# (One awk per request rather than one awk for all: POSIX does not promise
# that awk reads a pipe line by line, and mawk does not.)
#
# A real JSON parser would be better; this one relies on what kefu
# guarantees: one object per line, keys in the documented order, and each
# draft's "text" as the last key of its object.
while IFS= read -r request; do
printf '%s\n' "$request" | awk '
function answer(s) { print s }
function field(line, key,    m) {
    if (match(line, "\"" key "\":[0-9]+")) {
        m = substr(line, RSTART, RLENGTH); sub(/^[^:]*:/, "", m); return m
    }
    return ""
}
BEGIN {
    nwarn = split("最低价|最便宜|最好|第一|国家级|100%|绝对|best in the world|guaranteed|cheapest", warn, "|")
    nblock = split("微信|wechat|vx|qq", block, "|")
}
/"type":"hello"/ {
    answer("{\"type\":\"hello\",\"protocol\":1,\"id\":\"banned-words\",\"version\":\"1.0.0\",\"description\":\"Absolute claims and off-platform contact\",\"capabilities\":[\"check\"],\"examples\":[{\"check\":\"亲，我们是全网最低价哦\",\"warning\":\"absolute-claim\"},{\"check\":\"加我微信聊\",\"warning\":\"off-platform\",\"block\":true},{\"check\":\"亲，马上为您查询物流哦\",\"warning\":\"clean\"}]}")
    next
}
/"type":"check"/ {
    id = field($0, "id")
    # Everything from "drafts": on, one piece per draft.
    rest = substr($0, index($0, "\"drafts\":"))
    n = split(rest, pieces, "\"snippet\":")
    out = ""
    for (i = 2; i <= n; i++) {
        text = pieces[i]; t = index(text, "\"text\":"); text = tolower(substr(text, t + 7))
        gsub(/第一时间/, "", text)   # "right away", not a claim to be the first
        warnings = ""; blocked = "false"
        for (w = 1; w <= nwarn; w++) if (index(text, warn[w])) {
            warnings = warnings (warnings == "" ? "" : ",") "{\"code\":\"absolute-claim\",\"message\":\"absolute claim \\\"" warn[w] "\\\" is banned in advertising\"}"
            break
        }
        for (b = 1; b <= nblock; b++) if (index(text, block[b])) {
            warnings = warnings (warnings == "" ? "" : ",") "{\"code\":\"off-platform\",\"message\":\"mentions " block[b] ": keep the buyer on the platform\"}"
            blocked = "true"
            break
        }
        out = out (out == "" ? "" : ",") "{\"warnings\":[" warnings "],\"block\":" blocked "}"
    }
    answer("{\"id\":" id ",\"checks\":[" out "]}")
    next
}
{
    id = field($0, "id")
    answer("{\"id\":" (id == "" ? "null" : id) ",\"error\":\"unsupported request\"}")
}
'
done
