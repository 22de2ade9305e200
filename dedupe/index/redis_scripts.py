"""The Lua scripts of the Redis index (``redis_store``), each run by Redis as one step.

Band keys are stored in runs, as in the SQLite index: the add script writes the band keys of the new texts
of one call as one value of the runs hash (field: the run's number; value: the keys as little-endian 8-byte
integers, then the number of the text holding each as a little-endian 4-byte integer), so a text's keys
cost no work per key on the server. A lookup reads the runs and searches them in the client.
"""

from __future__ import annotations

import numpy as np

RECORD = 12  # bytes per band key in a run: the key (8) and its text's number (4)

ADD = """
-- Add texts with their first publications, each unless it is indexed already (or earlier in this call): all
-- of the call's new texts or none, in one step. Answers, for each document, the new text's number or minus
-- the number of the text already indexed.
-- KEYS: the index's settings and counters, sha256 -> number, number -> metadata, number -> text, batches, runs
-- ARGV: batch, then for each document: sha256, metadata JSON, zlib text, band keys (8 bytes each, concatenated)
local digests = {}
for i = 2, #ARGV, 4 do digests[#digests + 1] = ARGV[i] end
local held = redis.call('HMGET', KEYS[2], unpack(digests))
local last = tonumber(redis.call('HGET', KEYS[1], 'last_document') or '0')
local first, out, mine, meta, texts, numbers, keys, owners = last + 1, {}, {}, {}, {}, {}, {}, {}
for d, digest in ipairs(digests) do
  local known = held[d] and tonumber(held[d]) or mine[digest]
  if known then
    out[d] = -known
  else
    last = last + 1
    mine[digest], out[d] = last, last
    local at = 4 * d - 2
    table.insert(meta, last)
    table.insert(meta, ARGV[at + 1])
    table.insert(texts, last)
    table.insert(texts, ARGV[at + 2])
    table.insert(numbers, digest)
    table.insert(numbers, last)
    keys[#keys + 1] = ARGV[at + 3]
    owners[#owners + 1] = string.rep(string.char(last % 256, math.floor(last / 256) % 256,
                                                 math.floor(last / 65536) % 256, math.floor(last / 16777216) % 256),
                                     #ARGV[at + 3] / 8)
  end
end
if last < first then return out end
redis.call('HSET', KEYS[1], 'last_document', last)
redis.call('HINCRBY', KEYS[1], 'publications', last - first + 1)
redis.call('HSET', KEYS[3], unpack(meta))
redis.call('HSET', KEYS[4], unpack(texts))
redis.call('HSET', KEYS[2], unpack(numbers))
redis.call('SADD', KEYS[5], ARGV[1])
local run = table.concat(keys)
if #run > 0 then
  redis.call('HINCRBY', KEYS[1], 'band_rows', #run / 8)
  redis.call('HSET', KEYS[6], redis.call('HINCRBY', KEYS[1], 'last_run', 1), run .. table.concat(owners))
end
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
-- How many band keys the runs hold, and how many runs are not whole records (12 bytes a key), in one step.
-- KEYS: the runs
local total, broken = 0, 0
for _, run in ipairs(redis.call('HKEYS', KEYS[1])) do
  local size = redis.call('HSTRLEN', KEYS[1], run)
  if size % 12 ~= 0 then broken = broken + 1 end
  total = total + math.floor(size / 12)
end
return {total, broken}
"""


def run_arrays(value: bytes) -> tuple[np.ndarray, np.ndarray]:
    """A run's band keys and the numbers of the texts holding them (as the add script writes them)."""
    count = len(value) // RECORD
    keys = np.frombuffer(value, dtype="<i8", count=count)
    return keys, np.frombuffer(value, dtype="<u4", count=count, offset=8 * count).astype(np.int64)
