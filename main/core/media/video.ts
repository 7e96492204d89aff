import { runTool } from './externalTool.js'
import type { MediaProperties } from '../../../shared/domain.js'

/** A probe reads headers only: anything slower is a file that makes the reader wander. */
export const PROBE_TIMEOUT_MS = 20_000
/** One seek and a few dozen decoded frames; 4K HEVC on a busy 2-core machine takes a few seconds. */
export const FRAME_TIMEOUT_MS = 60_000

/** The long side of a poster frame: the preview's size, so both renditions come from one frame. */
export const POSTER_SIZE = 1600

/**
 * The `thumbnail` filter looks at this many frames after the seek and keeps the one nearest
 * their average colour histogram: a fade from black, a flash or a title card is passed over.
 */
const CANDIDATE_FRAMES = 30

export interface VideoProbe {
  width?: number
  height?: number
  media: MediaProperties
}

interface ProbeJson {
  streams?: Array<{
    codec_name?: string
    width?: number
    height?: number
    avg_frame_rate?: string
    r_frame_rate?: string
    duration?: string
    tags?: Record<string, string>
    side_data_list?: Array<{ rotation?: number }>
  }>
  format?: { duration?: string }
}

function rate(fraction: string | undefined): number | undefined {
  if (!fraction) return undefined
  const [n, d] = fraction.split('/').map(Number)
  const value = d ? n / d : n
  return Number.isFinite(value) && value > 0 ? Math.round(value * 1000) / 1000 : undefined
}

/** Duration, codec, frame size (as shown, after the container's rotation) and frame rate. */
export async function probeVideo(file: string, signal?: AbortSignal): Promise<VideoProbe> {
  const { stdout } = await runTool('ffprobe', ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', '-select_streams', 'v:0', file], {
    timeoutMs: PROBE_TIMEOUT_MS,
    signal,
  })
  const json = JSON.parse(stdout.toString('utf8')) as ProbeJson
  const stream = json.streams?.[0]
  if (!stream) throw new Error('ffprobe found no video stream')
  const duration = Number(json.format?.duration ?? stream.duration)
  const media: MediaProperties = {}
  if (Number.isFinite(duration) && duration > 0) media.durationSec = Math.round(duration * 1000) / 1000
  if (stream.codec_name) media.codec = stream.codec_name
  const fps = rate(stream.avg_frame_rate) ?? rate(stream.r_frame_rate)
  if (fps !== undefined) media.frameRate = fps
  const rotation = Math.abs(Number(stream.tags?.rotate ?? stream.side_data_list?.find((s) => s.rotation !== undefined)?.rotation ?? 0)) % 180
  const turned = rotation === 90
  const width = turned ? stream.height : stream.width
  const height = turned ? stream.width : stream.height
  return { ...(width && height ? { width, height } : {}), media }
}

/** Frames whose average luma (0–255) is at most this are passed over as black or nearly so. */
const DARK_LUMA = 32
/** How much of the video, after the seek, is searched for a frame that is not dark. */
const SEARCH_SEC = 20

/**
 * The arguments that make a poster frame as a JPEG on stdout: a seek to a tenth of the way in
 * (past the lead-in most videos start with), frames that are nearly black dropped (signalstats
 * measures each frame's mean luma, metadata keeps the brighter), then the most typical of the
 * next frames, scaled down to the preview's size. Exported so that the benchmark runs the tool
 * the same way.
 */
export function posterArgs(file: string, seekSec: number, skipDark = true): string[] {
  const scale = `scale='min(${POSTER_SIZE},iw)':'min(${POSTER_SIZE},ih)':force_original_aspect_ratio=decrease`
  const bright = skipDark ? `signalstats,metadata=mode=select:key=lavfi.signalstats.YAVG:value=${DARK_LUMA}:function=greater,` : ''
  return ['-v', 'error', '-nostdin', '-ss', seekSec.toFixed(3), '-t', String(SEARCH_SEC), '-i', file, '-an', '-sn', '-dn', '-vf', `${bright}thumbnail=${CANDIDATE_FRAMES},${scale}`, '-frames:v', '1', '-f', 'image2pipe', '-c:v', 'mjpeg', '-q:v', '3', '-']
}

/**
 * A representative frame as JPEG bytes. Tried in turn until one gives a frame: from a tenth
 * of the way in, skipping dark frames; from the start (a video too short for the seek);
 * and, for a video that is dark throughout, without skipping any.
 */
export async function posterFrame(file: string, durationSec: number | undefined, signal?: AbortSignal): Promise<Buffer> {
  const seek = durationSec ? durationSec / 10 : 0
  const attempts: [number, boolean][] = seek > 0 ? [[seek, true], [0, true], [0, false]] : [[0, true], [0, false]]
  for (const [at, skipDark] of attempts) {
    const { stdout } = await runTool('ffmpeg', posterArgs(file, at, skipDark), { timeoutMs: FRAME_TIMEOUT_MS, signal })
    if (stdout.length > 0) return stdout
  }
  throw new Error('ffmpeg decoded no frame')
}
