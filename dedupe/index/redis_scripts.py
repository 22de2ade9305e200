"""The Lua scripts of the Redis index (``redis_store``), each run by Redis as one step.

A text's band keys are one value of the band hash, under the text's number: its keys as little-endian
8-byte integers, concatenated as the client sends them, so the add script does no work per band key (nor
per byte: Lua 5.1 builds strings a byte at a time). A lookup reads the values and searches them in the
client, as the SQLite index searches its runs.
"""

from __future__ import annotations

ADD = """
-- Add texts with their first publications, each unless it is indexed already (or earlier in this call): all
-- of the call's new texts or none, in one step. Answers, for each document, the new text's number or minus
-- the number of the text already indexed.
-- KEYS: the index's settings and counters, sha256 -> number, number -> metadata, number -> text, batches,
-- number -> band keys
-- ARGV: batch, then for each document: sha256, metadata JSON, zlib text, band keys (8 bytes each, concatenated)
local digests = {}
for i = 2, #ARGV, 4 do table.insert(digests, ARGV[i]) end
local held = redis.call('HMGET', KEYS[2], unpack(digests))
local last = tonumber(redis.call('HGET', KEYS[1], 'last_document') or '0')
local first, out, mine, meta, texts, numbers, bands, keys = last + 1, {}, {}, {}, {}, {}, {}, 0
for d, digest in ipairs(digests) do
  local known = held[d] and tonumber(held[d]) or mine[digest]
  if known then
    out[d] = -known
  else
    last = last + 1
    mine[digest], out[d] = last, last
    local at = 4 * d - 2
    local n = #numbers
    meta[n + 1], meta[n + 2] = last, ARGV[at + 1]
    texts[n + 1], texts[n + 2] = last, ARGV[at + 2]
    bands[n + 1], bands[n + 2] = last, ARGV[at + 3]
    numbers[n + 1], numbers[n + 2] = digest, last
    keys = keys + #ARGV[at + 3] / 8
  end
end
if last < first then return out end
redis.call('HSET', KEYS[1], 'last_document', last)
redis.call('HINCRBY', KEYS[1], 'publications', last - first + 1)
redis.call('HINCRBY', KEYS[1], 'band_rows', keys)
redis.call('HSET', KEYS[3], unpack(meta))
redis.call('HSET', KEYS[4], unpack(texts))
redis.call('HSET', KEYS[6], unpack(bands))
redis.call('HSET', KEYS[2], unpack(numbers))
redis.call('SADD', KEYS[5], ARGV[1])
return out
"""

PUBLISHED = """
-- Publications held (first ones plus the later lists) and the publication counter, read in one step.
-- KEYS: number -> metadata, numbers with later publications, the index's settings and counters
-- ARGV: the later publication lists' key prefix
local held = redis.call('HLEN', KEYS[1])
local empty = 0
for _, n in ipairs(redis.call('SMEMBERS', KEYS[2])) do
  local more = redis.call('LLEN', ARGV[1] .. n)
  if more == 0 then empty = empty + 1 end
  held = held + more
end
return {held, tonumber(redis.call('HGET', KEYS[3], 'publications') or '0'), empty}
"""

HELD = """
-- How many band keys the texts hold, and how many texts' band keys are not whole 8-byte keys, in one step.
-- KEYS: number -> band keys
local total, broken = 0, 0
for _, n in ipairs(redis.call('HKEYS', KEYS[1])) do
  local size = redis.call('HSTRLEN', KEYS[1], n)
  if size % 8 ~= 0 then broken = broken + 1 end
  total = total + math.floor(size / 8)
end
return {total, broken}
"""
