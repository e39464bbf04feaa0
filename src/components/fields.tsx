// Form fields with a visible label, large tap targets and no length limit unless one is given.
import { Button, Input, Text, Textarea, View } from '@tarojs/components';

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  hint?: string;
  multiline?: boolean;
  type?: 'text' | 'number';
}

export function TextField({ id, label, value, onChange, placeholder, hint, multiline, type = 'text' }: TextFieldProps) {
  return (
    <View className="field">
      <Text className="field-label">{label}</Text>
      {multiline ? (
        <Textarea
          id={id}
          className="textarea"
          value={value}
          maxlength={-1}
          autoHeight
          placeholder={placeholder}
          onInput={(e) => onChange(e.detail.value)}
        />
      ) : (
        <Input
          id={id}
          className="input"
          type={type}
          value={value}
          maxlength={-1}
          placeholder={placeholder}
          onInput={(e) => onChange(e.detail.value)}
        />
      )}
      {hint ? <Text className="field-hint">{hint}</Text> : null}
    </View>
  );
}

export interface Choice<V extends string> {
  value: V;
  label: string;
}

/** A row of large buttons; the chosen one is marked by text (✓) as well as by its border. */
export function ChoiceField<V extends string>(props: {
  id: string;
  label: string;
  choices: Choice<V>[];
  value: V | null;
  onChange: (value: V) => void;
}) {
  const { id, label, choices, value, onChange } = props;
  return (
    <View className="field" id={id}>
      <Text className="field-label">{label}</Text>
      <View className="choices">
        {choices.map((choice) => (
          <Button
            key={choice.value}
            id={`${id}-${choice.value}`}
            className={choice.value === value ? 'choice choice-on' : 'choice'}
            onClick={() => onChange(choice.value)}
          >
            {choice.value === value ? `✓ ${choice.label}` : choice.label}
          </Button>
        ))}
      </View>
    </View>
  );
}

export function FormError({ message }: { message: string | null | undefined }) {
  return message ? (
    <View className="form-error" id="form-error">
      {message}
    </View>
  ) : null;
}

export function SubmitButton(props: { id: string; text: string; pending: boolean; onClick: () => void; kind?: 'primary' | 'default' | 'warn' }) {
  const { id, text, pending, onClick, kind = 'primary' } = props;
  return (
    <Button id={id} className={`btn btn-${kind}`} disabled={pending || undefined} onClick={() => (pending ? undefined : onClick())}>
      {pending ? '正在提交…' : text}
    </Button>
  );
}
