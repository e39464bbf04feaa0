// 面复 (face-to-face reply): which contacts with the deputy count as one. Only a talk in person counts:
// 见面 (a meeting), 座谈 (a forum with the deputy) and 走访 (a visit). 电话 and 视频 are contacts, never
// 面复, whatever a record says, so that neither the sign guard nor the 面复率 counts a phone call.
import type { Contact, ContactMode } from './model';

export const FACE_TO_FACE_MODES: readonly ContactMode[] = ['meeting', 'forum', 'visit'];

export function isFaceToFaceMode(mode: ContactMode): boolean {
  return FACE_TO_FACE_MODES.includes(mode);
}

/** A recorded contact counts as 面复 when its mode is face to face (and the record says so). */
export function countsAsFaceToFace(contact: Pick<Contact, 'mode' | 'faceToFace'>): boolean {
  return contact.faceToFace && isFaceToFaceMode(contact.mode);
}
