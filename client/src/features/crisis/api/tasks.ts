import type { Task, TASK_PRIORITIES, TaskStatus } from '@contracts/crisis';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { crisisKeys } from './keys';
import { upsertInList, versionedReplaces, type Listed } from './list-cache';

export function useTasks(crisisId: string | null) {
  return useQuery({
    queryKey: crisisKeys.tasks(crisisId ?? ''),
    queryFn: ({ signal }) =>
      api.get<Listed<Task>>(`/api/tasks?crisisId=${encodeURIComponent(crisisId ?? '')}`, {
        signal,
      }),
    enabled: crisisId !== null,
  });
}

export interface CreateTaskRequest {
  crisisId: string;
  serviceId: string;
  title: string;
  details?: string;
  priority: (typeof TASK_PRIORITIES)[number];
  dueAt?: string;
  incidentId?: string;
}

function storeTask(queryClient: ReturnType<typeof useQueryClient>, task: Task) {
  queryClient.setQueryData<Listed<Task>>(crisisKeys.tasks(task.crisisId), (old) =>
    upsertInList(old, task, { replaces: versionedReplaces }),
  );
}

export function useCreateTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTaskRequest) => api.post<Task>('/api/tasks', body),
    onSuccess: (task) => storeTask(queryClient, task),
  });
}

export function useTaskTransition() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      ...body
    }: {
      id: string;
      to: Exclude<TaskStatus, 'requested'>;
      note?: string;
    }) => api.post<Task>(`/api/tasks/${id}/transitions`, body),
    onSuccess: (task) => storeTask(queryClient, task),
  });
}
