// The messages of the attempt log: every refusal, notice, happening and mood cause the engine
// words, and the description of a trainee action, as a code of this one table. Each code is an
// i18n key (assets/i18n/*.json); the engine logs a code with its arguments (i18n::Message) and
// the front ends render it — the same refusal reads in Chinese or English, and a test checks that
// every code has its words in every table.
#pragma once
#include <array>
#include <string_view>

#include "common/i18n/codes.h"

namespace dd {

enum class LogCode {
    // Refused actions (LogEntry::Kind::Rejected, ApplyResult::error).
    RejectAttemptOver,
    RejectTimeLimit,
    RejectNoTarget,
    RejectNoRingingPhone,
    RejectNoPhone,
    RejectNoWaitingVisitor,
    RejectNoVisitor,
    RejectNoAlarm,
    RejectActorNotArrived,
    RejectUnknownTarget,
    RejectThreadEnded,
    RejectNothingToAnswer,
    RejectAlreadyTalking,
    RejectHoldNotPhone,
    RejectAlreadyHeld,
    RejectHoldUnanswered,
    RejectStillRinging,
    RejectStillQueued,
    RejectAlarmNoParty,
    RejectEmptyReply,
    RejectNoChoices,
    RejectNotAChoice,
    RejectChoiceOutOfRange,
    RejectFocusNeedsTarget,
    RejectMissingArg,
    RejectUnknownArg,
    RejectRecordEmpty,
    RejectClassifyEmpty,
    RejectNegativeWait,
    // Notices (LogEntry::Kind::Notice).
    NoticeMissingNode,
    NoticeTooManyVisits,
    NoticeUnknownActor,
    NoticeCallerGaveUp,
    NoticeRingsCoalesced,
    // Happenings: injects, answer/hold/resume, ends.
    InjectPhoneCall,
    InjectWalkIn,
    InjectAlarm,
    LineAnswerPhone,
    LineAnswerDesk,
    LineHold,
    LineResume,
    EndTraineePhone,
    EndTraineeDesk,
    EndTraineeAlarm,
    EndActorPhone,
    EndActorDesk,
    EndActorAlarm,
    EndGaveUp,
    EndTimeout,
    EndAttempt,
    // Mood causes (LogEntry::Kind::Mood).
    MoodAct,
    MoodForbidden,
    MoodAction,
    MoodWait,
    MoodRing,
    // Parts of messages.
    WhoAlarm,
    None,
    // A trainee action described (describe_action).
    ActionAnswer,
    ActionHold,
    ActionSay,
    ActionChoose,
    ActionRecord,
    ActionClassify,
    ActionRegisterVisitor,
    ActionNoFields,
    ActionField,
    ActionDispatch,
    ActionEscalate,
    ActionCall,
    ActionNotify,
    ActionBroadcast,
    ActionHandOver,
    ActionHangUp,
    ActionWait,
    ActionEnd,
    ActionFocus,
    JoinFields,
    // A desk action named by verb and argument (outcome lists, `did:`, check parameters).
    SpecRef,
    CallRef,
};

using LogCodeInfo = i18n::CodeKey<LogCode>;

inline constexpr std::array kLogCodes = {
    LogCodeInfo{LogCode::RejectAttemptOver, "reject.attempt_over"},
    LogCodeInfo{LogCode::RejectTimeLimit, "reject.time_limit"},
    LogCodeInfo{LogCode::RejectNoTarget, "reject.no_target"},
    LogCodeInfo{LogCode::RejectNoRingingPhone, "reject.no_ringing_phone"},
    LogCodeInfo{LogCode::RejectNoPhone, "reject.no_phone"},
    LogCodeInfo{LogCode::RejectNoWaitingVisitor, "reject.no_waiting_visitor"},
    LogCodeInfo{LogCode::RejectNoVisitor, "reject.no_visitor"},
    LogCodeInfo{LogCode::RejectNoAlarm, "reject.no_alarm"},
    LogCodeInfo{LogCode::RejectActorNotArrived, "reject.actor_not_arrived"},
    LogCodeInfo{LogCode::RejectUnknownTarget, "reject.unknown_target"},
    LogCodeInfo{LogCode::RejectThreadEnded, "reject.thread_ended"},
    LogCodeInfo{LogCode::RejectNothingToAnswer, "reject.nothing_to_answer"},
    LogCodeInfo{LogCode::RejectAlreadyTalking, "reject.already_talking"},
    LogCodeInfo{LogCode::RejectHoldNotPhone, "reject.hold_not_phone"},
    LogCodeInfo{LogCode::RejectAlreadyHeld, "reject.already_held"},
    LogCodeInfo{LogCode::RejectHoldUnanswered, "reject.hold_unanswered"},
    LogCodeInfo{LogCode::RejectStillRinging, "reject.still_ringing"},
    LogCodeInfo{LogCode::RejectStillQueued, "reject.still_queued"},
    LogCodeInfo{LogCode::RejectAlarmNoParty, "reject.alarm_no_party"},
    LogCodeInfo{LogCode::RejectEmptyReply, "reject.empty_reply"},
    LogCodeInfo{LogCode::RejectNoChoices, "reject.no_choices"},
    LogCodeInfo{LogCode::RejectNotAChoice, "reject.not_a_choice"},
    LogCodeInfo{LogCode::RejectChoiceOutOfRange, "reject.choice_out_of_range"},
    LogCodeInfo{LogCode::RejectFocusNeedsTarget, "reject.focus_needs_target"},
    LogCodeInfo{LogCode::RejectMissingArg, "reject.missing_arg"},
    LogCodeInfo{LogCode::RejectUnknownArg, "reject.unknown_arg"},
    LogCodeInfo{LogCode::RejectRecordEmpty, "reject.record_empty"},
    LogCodeInfo{LogCode::RejectClassifyEmpty, "reject.classify_empty"},
    LogCodeInfo{LogCode::RejectNegativeWait, "reject.negative_wait"},
    LogCodeInfo{LogCode::NoticeMissingNode, "notice.missing_node"},
    LogCodeInfo{LogCode::NoticeTooManyVisits, "notice.too_many_visits"},
    LogCodeInfo{LogCode::NoticeUnknownActor, "notice.unknown_actor"},
    LogCodeInfo{LogCode::NoticeCallerGaveUp, "notice.caller_gave_up"},
    LogCodeInfo{LogCode::NoticeRingsCoalesced, "notice.rings_coalesced"},
    LogCodeInfo{LogCode::InjectPhoneCall, "inject.phone_call"},
    LogCodeInfo{LogCode::InjectWalkIn, "inject.walk_in"},
    LogCodeInfo{LogCode::InjectAlarm, "inject.alarm"},
    LogCodeInfo{LogCode::LineAnswerPhone, "line.answer_phone"},
    LogCodeInfo{LogCode::LineAnswerDesk, "line.answer_desk"},
    LogCodeInfo{LogCode::LineHold, "line.hold"},
    LogCodeInfo{LogCode::LineResume, "line.resume"},
    LogCodeInfo{LogCode::EndTraineePhone, "end.trainee_phone"},
    LogCodeInfo{LogCode::EndTraineeDesk, "end.trainee_desk"},
    LogCodeInfo{LogCode::EndTraineeAlarm, "end.trainee_alarm"},
    LogCodeInfo{LogCode::EndActorPhone, "end.actor_phone"},
    LogCodeInfo{LogCode::EndActorDesk, "end.actor_desk"},
    LogCodeInfo{LogCode::EndActorAlarm, "end.actor_alarm"},
    LogCodeInfo{LogCode::EndGaveUp, "end.gave_up"},
    LogCodeInfo{LogCode::EndTimeout, "end.timeout"},
    LogCodeInfo{LogCode::EndAttempt, "end.attempt"},
    LogCodeInfo{LogCode::MoodAct, "mood.act"},
    LogCodeInfo{LogCode::MoodForbidden, "mood.forbidden"},
    LogCodeInfo{LogCode::MoodAction, "mood.action"},
    LogCodeInfo{LogCode::MoodWait, "mood.wait"},
    LogCodeInfo{LogCode::MoodRing, "mood.ring"},
    LogCodeInfo{LogCode::WhoAlarm, "who.alarm"},
    LogCodeInfo{LogCode::None, "word.none"},
    LogCodeInfo{LogCode::ActionAnswer, "action.answer"},
    LogCodeInfo{LogCode::ActionHold, "action.hold"},
    LogCodeInfo{LogCode::ActionSay, "action.say"},
    LogCodeInfo{LogCode::ActionChoose, "action.choose"},
    LogCodeInfo{LogCode::ActionRecord, "action.record"},
    LogCodeInfo{LogCode::ActionClassify, "action.classify"},
    LogCodeInfo{LogCode::ActionRegisterVisitor, "action.register_visitor"},
    LogCodeInfo{LogCode::ActionNoFields, "action.no_fields"},
    LogCodeInfo{LogCode::ActionField, "action.field"},
    LogCodeInfo{LogCode::ActionDispatch, "action.dispatch"},
    LogCodeInfo{LogCode::ActionEscalate, "action.escalate"},
    LogCodeInfo{LogCode::ActionCall, "action.call"},
    LogCodeInfo{LogCode::ActionNotify, "action.notify"},
    LogCodeInfo{LogCode::ActionBroadcast, "action.broadcast"},
    LogCodeInfo{LogCode::ActionHandOver, "action.hand_over"},
    LogCodeInfo{LogCode::ActionHangUp, "action.hang_up"},
    LogCodeInfo{LogCode::ActionWait, "action.wait"},
    LogCodeInfo{LogCode::ActionEnd, "action.end"},
    LogCodeInfo{LogCode::ActionFocus, "action.focus"},
    LogCodeInfo{LogCode::JoinFields, "join.fields"},
    LogCodeInfo{LogCode::SpecRef, "ref.spec"},
    LogCodeInfo{LogCode::CallRef, "ref.call"},
};

static_assert(i18n::lists_every_code(kLogCodes, LogCode::CallRef));

constexpr std::string_view key(LogCode c) {
    return i18n::key_of(kLogCodes, c);
}

inline i18n::Message message(LogCode c) {
    return i18n::message_of(kLogCodes, c);
}

}  // namespace dd
